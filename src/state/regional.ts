// State is kept per account and region: each sees only its own resources. A global service (IAM)
// keeps one store per account that every region sees.

export class RegionalStore<T> {
  private readonly stores = new Map<string, T>();

  /** `global`: one store per account, whatever region a request names (created with the first region asked). */
  constructor(
    private readonly create: (accountId: string, region: string) => T,
    private readonly global = false,
  ) {}

  get(accountId: string, region: string): T {
    const key = this.global ? accountId : `${accountId}/${region}`;
    let s = this.stores.get(key);
    if (!s) {
      s = this.create(accountId, region);
      this.stores.set(key, s);
    }
    return s;
  }

  *all(): IterableIterator<T> {
    yield* this.stores.values();
  }

  /** The stores by key, as a snapshot keeps them. */
  snapshot(): Map<string, T> {
    return this.stores;
  }

  /** Replaces every store with a snapshot's. */
  load(stores: Map<string, T>): void {
    this.stores.clear();
    for (const [k, v] of stores) this.stores.set(k, v);
  }

  reset(): void {
    this.stores.clear();
  }
}

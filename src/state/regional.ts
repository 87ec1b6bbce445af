// State is kept per account and region: each sees only its own resources.

export class RegionalStore<T> {
  private readonly stores = new Map<string, T>();

  constructor(private readonly create: (accountId: string, region: string) => T) {}

  get(accountId: string, region: string): T {
    const key = `${accountId}/${region}`;
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

  reset(): void {
    this.stores.clear();
  }
}

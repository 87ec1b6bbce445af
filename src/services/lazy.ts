// A service's operation code, loaded on the first request that needs it rather than at start-up:
// a server that only ever answers ECS never loads EC2's handlers, and start-up loads none.
// After the load, `get()` is a plain read: the hot path pays no import per request.

export interface Lazy<T> {
  /** The loaded value; only after `load()` has settled. */
  get(): T;
  /** Starts (or joins) the load; undefined once loaded, so callers await only the first time. */
  load(): Promise<void> | undefined;
}

export function lazy<T>(importer: () => Promise<T>): Lazy<T> {
  let value: T | undefined;
  let loaded = false;
  let pending: Promise<void> | undefined;
  return {
    get() {
      if (!loaded) throw new Error("operations used before they were loaded");
      return value as T;
    },
    load() {
      if (loaded) return undefined;
      return (pending ??= importer().then(
        (v) => {
          value = v;
          loaded = true;
        },
        (e: unknown) => {
          // A failed load (a file missing from a broken install) is retried by the next request.
          pending = undefined;
          throw e;
        },
      ));
    },
  };
}

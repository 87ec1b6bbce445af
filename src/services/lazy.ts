// A service's operation code, loaded when a request needs it rather than at start-up. The first
// call of an operation loads only that operation's file (operations/<operation in camelCase>.js,
// exporting a handler of that name, as every service's operations/index.ts lists them); the whole
// table (operations/index.js) loads when something needs it all (health, the warm-up after start)
// or when an operation has no file of its own (one ecs-local lacks). After its first load an
// operation is a plain table read: the hot path pays no import per request.

export interface OperationTable<H> {
  handlers: Record<string, H | null>;
}

export interface LazyOperations<H> {
  /** The operation's handler, null when ecs-local lacks it; only after `load(operation)` has settled. */
  handler(operation: string): H | null;
  /**
   * Loads what the operation needs (the whole table without one); undefined when it is already
   * loaded, so that callers await only the first time.
   */
  load(operation?: string): Promise<void> | undefined;
  /**
   * Loads the operation's own file ahead of its first request, and nothing else: an operation
   * without one (ecs-local lacks it) is left for its first request, which loads the table.
   */
  preload(operation: string): Promise<void> | undefined;
}

/** The name of an operation's file and handler: `ListClusters` → `listClusters`. */
export const operationFile = (operation: string): string => operation[0].toLowerCase() + operation.slice(1);

/**
 * importTable imports the service's operations/index.js; importFile(name) its operations/<name>.js.
 * Both are given by the service because an import is resolved relative to the file that makes it.
 */
export function lazyOperations<H>(importTable: () => Promise<OperationTable<H>>, importFile: (name: string) => Promise<Record<string, unknown>>): LazyOperations<H> {
  let table: Record<string, H | null> | undefined;
  let tableLoading: Promise<void> | undefined;
  const one = new Map<string, H>();
  const loading = new Map<string, Promise<void>>();

  const loadTable = (): Promise<void> =>
    (tableLoading ??= importTable().then(
      (m) => void (table = m.handlers),
      (e: unknown) => {
        // A failed load (a file missing from a broken install) is retried by the next request.
        tableLoading = undefined;
        throw e;
      },
    ));

  const loadOne = (operation: string): Promise<void> => {
    const name = operationFile(operation);
    // Started in a promise: a bundle's importer throws at once, not later, for a file it lacks.
    const pending = Promise.resolve(name).then(importFile).then(
      (m) => {
        if (typeof m[name] === "function") one.set(operation, m[name] as H);
        else return loadTable();
      },
      // No file of its own: the table says whether (and where) it is implemented.
      () => loadTable(),
    );
    loading.set(operation, pending);
    return pending.finally(() => loading.delete(operation));
  };

  return {
    handler(operation) {
      if (table) return Object.hasOwn(table, operation) ? table[operation] : null;
      const h = one.get(operation);
      if (h === undefined) throw new Error(`operation ${operation} used before it was loaded`);
      return h;
    },
    load(operation) {
      if (table) return undefined;
      if (operation === undefined || !/^[A-Za-z0-9]+$/.test(operation)) return loadTable();
      if (one.has(operation)) return undefined;
      return loading.get(operation) ?? loadOne(operation);
    },
    preload(operation) {
      if (table || one.has(operation) || loading.has(operation)) return undefined;
      const name = operationFile(operation);
      return Promise.resolve(name)
        .then(importFile)
        .then(
          (m) => {
            if (typeof m[name] === "function" && !one.has(operation)) one.set(operation, m[name] as H);
          },
          () => undefined,
        );
    },
  };
}

/** Code loaded once, on first need (a part of a service that only its operations make work for). */
export interface LazyCode<T> {
  /** The code, once `load()` has settled; undefined before. */
  get(): T | undefined;
  /** Loads it; undefined once loaded, so that callers await only the first time. */
  load(): Promise<void> | undefined;
}

export function lazyCode<T>(importCode: () => Promise<T>): LazyCode<T> {
  let code: T | undefined;
  let loading: Promise<void> | undefined;
  return {
    get: () => code,
    load() {
      if (code !== undefined) return undefined;
      return (loading ??= importCode().then(
        (c) => void (code = c),
        (e: unknown) => {
          // A failed load (a file missing from a broken install) is tried again by the next call.
          loading = undefined;
          throw e;
        },
      ));
    },
  };
}

// What a snapshot may hold besides plain data, declared by the services themselves: the classes whose
// instances live in their state (restored with their prototype), and for each backend which of its
// fields are state (written down) and which belong to the host process (rebuilt at start, referred
// to by token). Anything a service did not declare makes a snapshot refuse, naming where it is, so
// nothing is ever silently left out (src/state/persist/snapshotGraph.ts).

export interface ClassOptions {
  /** Fields that are caches: not written down; `revive` rebuilds them (or they fill again lazily). */
  skip?: readonly string[];
  /** Runs on each restored instance, after its fields are back. */
  revive?: (instance: any) => void;
}

export interface SnapshotClass extends ClassOptions {
  name: string;
  ctor: abstract new (...args: any[]) => unknown;
}

const byName = new Map<string, SnapshotClass>();
const byProto = new Map<object, SnapshotClass>();

/** Lets instances of `ctor` be part of a snapshot under `name` (unique, stable across builds). */
export function snapshotClass(name: string, ctor: abstract new (...args: any[]) => unknown, options: ClassOptions = {}): void {
  const known = byName.get(name);
  if (known && known.ctor !== ctor) throw new Error(`snapshot class ${name} is registered twice`);
  const entry = { name, ctor, ...options };
  byName.set(name, entry);
  byProto.set(ctor.prototype as object, entry);
}

export function snapshotClassOf(proto: object): SnapshotClass | undefined {
  return byProto.get(proto);
}

export function snapshotClassNamed(name: string): SnapshotClass | undefined {
  return byName.get(name);
}

/**
 * A backend's fields: `state` paths are written down (`"keys"`, or a host object's field such as
 * `"reconciler.dirty"`); `host` fields are the process's own (ports, listeners, peers, config),
 * rebuilt at start. A field the backend has that is in neither list, and is not a function, refuses.
 */
export interface BackendShape {
  state: readonly string[];
  host: readonly string[];
}

const shapes = new Map<string, BackendShape>();

/** Declares the backend `registry.backends[key]`'s shape (once, at module load). */
export function snapshotBackend(key: string, shape: BackendShape): void {
  shapes.set(key, shape);
}

export function backendShape(key: string): BackendShape | undefined {
  return shapes.get(key);
}

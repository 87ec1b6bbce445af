// One object graph to bytes and back with its identities kept: v8.serialize keeps maps, sets, dates,
// typed arrays, cycles and shared references, but not prototypes, and refuses functions. Before it
// runs, this walk turns instances of registered classes into tagged records, the host's own objects
// (backends, the timeline, config) into tokens, and timers into their handler's name and arguments;
// anything else that is not plain data refuses the whole snapshot with the path where it was found.
import { deserialize, serialize } from "node:v8";
import { Timer } from "../../engine/timeline.js";
import { snapshotClassNamed, snapshotClassOf } from "../snapshotRegistry.js";
import { UNPACED, type Pace } from "./pacer.js";

const TAG = "\u0000snap";

export class SnapshotRefused extends Error {
  override name = "SnapshotRefused";
}

type Tagged = { [TAG]: "frozen"; v: unknown } | { [TAG]: "token"; t: string } | { [TAG]: "timer"; at: number; seq: number; name?: string; args?: unknown; live: boolean } | { [TAG]: "class"; c: string; f: Record<string, unknown> } | { [TAG]: "null"; f: Record<string, unknown> };

const PLAIN_KINDS = [Date, RegExp, ArrayBuffer];

/** A record or array whose fields are being encoded; `out` once it needs a copy (a field encoded to something else). */
class Open {
  out: Record<string | number, unknown> | undefined;
  /** Fields encoded so far: each to itself while there is no copy. */
  done = 0;

  constructor(
    private readonly v: object,
    private readonly keys: string[] | undefined,
  ) {}

  copy(memo: Map<object, unknown>): Record<string | number, unknown> {
    if (this.out) return this.out;
    const source = this.v as Record<string | number, unknown>;
    const out = (this.keys ? {} : new Array<unknown>((this.v as unknown[]).length)) as Record<string | number, unknown>;
    for (let i = 0; i < this.done; i++) {
      const k = this.keys ? this.keys[i] : i;
      out[k] = source[k];
    }
    memo.set(this.v, out);
    return (this.out = out);
  }
}

/** Whether `n` fields of `v` (its `keys`, or its indices) are all primitives other than symbols. */
function primitivesOnly(v: Record<string | number, unknown>, keys: string[] | undefined, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const x = v[keys ? keys[i] : i];
    if (x !== null && (typeof x === "object" || typeof x === "function" || typeof x === "symbol")) return false;
  }
  return true;
}

/** What cannot be kept, with the path to it filled in on the way up (no path is kept while all goes well). */
class Refusal {
  readonly path: (string | number)[] = [];
  constructor(readonly what: string) {}
}

class Encoder {
  private readonly memo = new Map<object, unknown>();

  constructor(
    private readonly tokens: ReadonlyMap<object, string>,
    private readonly pace: Pace,
  ) {}

  /** The graph from `root`, or SnapshotRefused naming what could not be kept and where. */
  root(root: unknown): unknown {
    try {
      return this.encode(root, "");
    } catch (e) {
      if (e instanceof Refusal) throw new SnapshotRefused(`${e.what} at ${e.path.join(".") || "(root)"}`);
      throw e;
    }
  }

  private encode(v: unknown, key: string | number): unknown {
    if (v === null || (typeof v !== "object" && typeof v !== "function")) {
      if (typeof v === "symbol") {
        const r = new Refusal("a symbol");
        r.path.push(key);
        throw r;
      }
      return v;
    }
    const seen = this.memo.get(v);
    if (seen !== undefined) return seen instanceof Open ? seen.copy(this.memo) : seen;
    this.pace.step();
    try {
      if (typeof v === "function") throw new Refusal(`a function (${v.name || "anonymous"})`);
      const token = this.tokens.get(v);
      if (token !== undefined) return this.keep(v, { [TAG]: "token", t: token });
      return this.object(v);
    } catch (e) {
      if (e instanceof Refusal) e.path.unshift(key);
      throw e;
    }
  }

  private keep<T>(v: object, out: T): T {
    this.memo.set(v, out);
    return out;
  }

  private object(v: object): unknown {
    // Most of a state is plain records and arrays: told first, by their prototype.
    const plain = Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype;
    if (plain && !Object.isFrozen(v)) return this.reused(v, Array.isArray(v) ? undefined : Object.keys(v));
    if (v instanceof Timer) return this.timer(v);
    // Frozen data (constants shared by many records) comes back frozen: immutable, so shared or not alike.
    if (plain) {
      const out = this.keep(v, { [TAG]: "frozen", v: undefined } as { [TAG]: "frozen"; v: unknown });
      this.memo.delete(v);
      out.v = this.plain(v);
      this.memo.set(v, out);
      return out;
    }
    return this.plain(v);
  }

  private plain(v: object): unknown {
    if (Array.isArray(v)) return this.reused(v, undefined);
    if (v instanceof Map) {
      const out = this.keep(v, new Map());
      let i = 0;
      for (const [k, x] of v) {
        const key = this.encode(k, `<key ${i}>`);
        out.set(key, this.encode(x, typeof k === "string" || typeof k === "number" ? k : `<value ${i}>`));
        i++;
      }
      return out;
    }
    if (v instanceof Set) {
      const out = this.keep(v, new Set());
      let i = 0;
      for (const x of v) out.add(this.encode(x, `<member ${i++}>`));
      return out;
    }
    if (ArrayBuffer.isView(v) || PLAIN_KINDS.some((k) => v instanceof k)) return this.keep(v, v);
    const proto = Object.getPrototypeOf(v) as object | null;
    if (proto === Object.prototype) return this.reused(v, Object.keys(v));
    if (proto === null) {
      const out = this.keep(v, { [TAG]: "null", f: {} } as Tagged & { f: Record<string, unknown> });
      return this.fields(v, out.f, undefined), out;
    }
    const cls = snapshotClassOf(proto);
    if (!cls) throw new Refusal(`an instance of ${(v as { constructor?: { name?: string } }).constructor?.name ?? "an unknown class"} (not registered for snapshots)`);
    const out = this.keep(v, { [TAG]: "class", c: cls.name, f: {} } as Tagged & { f: Record<string, unknown> });
    this.fields(v, out.f, cls.skip);
    return out;
  }

  /**
   * A plain record or an array: itself when every field encodes to itself (most of a state: records
   * of strings, numbers and other such records), else a copy holding the encoded fields. Until that
   * is known it stays open in the memo: a field that leads back to it (a cycle) makes the copy then.
   */
  private reused(v: object, keys: string[] | undefined): unknown {
    const source = v as Record<string | number, unknown>;
    const n = keys ? keys.length : (v as unknown[]).length;
    // A record of primitives only (a tag, an attribute, a port binding: about half of a state's
    // objects) is itself with no memo entry at all: it leads nowhere, so no cycle runs through it, and
    // the serializer keeps its sharing on its own.
    if (primitivesOnly(source, keys, n)) return v;
    const open = new Open(v, keys);
    this.memo.set(v, open);
    for (let i = 0; i < n; i++) {
      const k = keys ? keys[i] : i;
      const x = source[k];
      const e = this.encode(x, k);
      if (e !== x && !open.out) open.copy(this.memo);
      if (open.out) open.out[k] = e;
      open.done = i + 1;
    }
    if (open.out) return open.out;
    this.memo.set(v, v);
    return v;
  }

  private fields(v: object, out: Record<string, unknown>, skip: readonly string[] | undefined): Record<string, unknown> {
    for (const k of Object.keys(v)) {
      if (skip?.includes(k)) continue;
      out[k] = this.encode((v as Record<string, unknown>)[k], k);
    }
    return out;
  }

  private timer(t: Timer): unknown {
    if (t.fn && !t.name) throw new Refusal("a pending timer with a closure (not a named timer)");
    const out = this.keep(t, { [TAG]: "timer", at: t.at, seq: t.seq, live: !!t.fn } as Tagged & { args?: unknown; name?: string });
    if (t.name) {
      out.name = t.name;
      out.args = this.encode(t.args ?? [], "args");
    }
    return out;
  }
}

/** The graph as bytes; throws SnapshotRefused naming the path of the first thing that cannot be kept. */
export function encodeGraph(root: unknown, tokens: ReadonlyMap<object, string>, pace: Pace = UNPACED): Buffer {
  const graph = new Encoder(tokens, pace).root(root);
  pace.look();
  // One call (shared objects stay shared only within one): a builder's longest unit of work.
  const bytes = serialize(graph);
  pace.look();
  return bytes;
}

class Decoder {
  private readonly memo = new Map<object, unknown>();

  constructor(private readonly tokens: ReadonlyMap<string, unknown>) {}

  decode(v: unknown): unknown {
    if (v === null || typeof v !== "object") return v;
    const seen = this.memo.get(v);
    if (seen !== undefined) return seen;
    // Most of a state is plain records: they are told first, by their prototype (what deserialize
    // gives every object it does not know as something else), and only what is not a primitive is
    // decoded and written back.
    if (Object.getPrototypeOf(v) === Object.prototype) {
      const o = v as Record<string, unknown>;
      if (o[TAG] !== undefined) return this.tagged(v as Tagged);
      const keys = Object.keys(o);
      // A record of primitives decodes to itself, with no memo entry (as it was encoded).
      if (primitivesOnly(o, keys, keys.length)) return v;
      this.memo.set(v, v);
      for (const k of keys) {
        const x = o[k];
        if (x === null || typeof x !== "object") continue;
        const d = this.decode(x);
        if (d !== x) o[k] = d;
      }
      return v;
    }
    if (Array.isArray(v)) {
      if (primitivesOnly(v as unknown as Record<number, unknown>, undefined, v.length)) return v;
      this.memo.set(v, v);
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (x === null || typeof x !== "object") continue;
        const d = this.decode(x);
        if (d !== x) v[i] = d;
      }
      return v;
    }
    if (v instanceof Map) {
      this.memo.set(v, v);
      const entries = [...v];
      v.clear();
      for (const [k, x] of entries) v.set(this.decode(k), this.decode(x));
      return v;
    }
    if (v instanceof Set) {
      this.memo.set(v, v);
      const members = [...v];
      v.clear();
      for (const x of members) v.add(this.decode(x));
      return v;
    }
    // Dates, regular expressions, buffers and typed arrays: as they are.
    return v;
  }

  private tagged(v: Tagged): unknown {
    switch (v[TAG]) {
      case "frozen": {
        const out = Object.freeze(this.decode(v.v) as object);
        this.memo.set(v, out);
        return out;
      }
      case "token": {
        if (!this.tokens.has(v.t)) throw new Error(`the snapshot refers to ${v.t}, which this server does not have`);
        const out = this.tokens.get(v.t);
        this.memo.set(v, out);
        return out;
      }
      case "timer": {
        // Arguments may refer back to the timer's holder: the timer exists before they are decoded.
        const args: unknown[] = [];
        const t = new Timer(v.at, v.seq, undefined, v.name, v.name ? args : undefined);
        this.memo.set(v, t);
        if (v.name) args.push(...(this.decode(v.args) as unknown[]));
        return t;
      }
      case "null":
      case "class": {
        const cls = v[TAG] === "class" ? snapshotClassNamed(v.c) : undefined;
        if (v[TAG] === "class" && !cls) throw new Error(`the snapshot holds a ${v.c}, which this server does not know`);
        const out = Object.create(cls ? (cls.ctor.prototype as object) : null) as Record<string, unknown>;
        this.memo.set(v, out);
        for (const k of Object.keys(v.f)) out[k] = this.decode(v.f[k]);
        cls?.revive?.(out);
        return out;
      }
    }
  }
}

/** The graph back, with registered classes' prototypes, timers and the tokens resolved to `tokens`' objects. */
export function decodeGraph(bytes: Uint8Array, tokens: ReadonlyMap<string, unknown>): unknown {
  return new Decoder(tokens).decode(deserialize(bytes));
}

// The snapshot codec on its own: identities, cycles and class instances survive the round trip, and
// the records it writes down as they are (no copy) come through unchanged and unharmed.
import { describe, expect, it } from "vitest";
import { decodeGraph, encodeGraph, SnapshotRefused } from "../../src/state/persist/snapshotGraph.js";
import { snapshotClass } from "../../src/state/snapshotRegistry.js";

class Holder {
  constructor(
    public name: string,
    public items: unknown[],
  ) {}
}
snapshotClass("test.snapshotGraph.Holder", Holder);

const host = { host: true };
const tokens = new Map<object, string>([[host, "host"]]);
const round = <T>(v: T): T => decodeGraph(encodeGraph(v, tokens), new Map([["host", host]])) as T;

describe("snapshot graph codec", () => {
  it("keeps plain records, arrays, maps and sets, and leaves the source as it was", () => {
    const leaf = { name: "ecs.cpu-architecture", value: "x86_64" };
    const src = { a: 1, s: "x", u: undefined, n: null, list: [1, "two", leaf], m: new Map([["k", leaf]]), set: new Set([3]), d: new Date(5) };
    const before = structuredClone(src);
    const back = round(src);
    expect(back).toEqual(before);
    expect(src).toEqual(before);
    expect(back.list[2]).toBe(back.m.get("k"));
    expect(back.list[2]).not.toBe(leaf);
  });

  it("keeps cycles through records, arrays, maps and class instances", () => {
    const a: Record<string, unknown> = { name: "a" };
    const b: Record<string, unknown> = { name: "b", a };
    a.b = b;
    a.self = a;
    const list: unknown[] = [a];
    list.push(list);
    const holder = new Holder("h", [a]);
    a.holder = holder;
    const m = new Map<string, unknown>([["list", list]]);
    b.m = m;
    const back = round({ a, list, m, holder });
    expect(back.a.self).toBe(back.a);
    expect((back.a.b as Record<string, unknown>).a).toBe(back.a);
    expect(back.list[0]).toBe(back.a);
    expect(back.list[1]).toBe(back.list);
    expect(back.m.get("list")).toBe(back.list);
    expect((back.a.b as Record<string, unknown>).m).toBe(back.m);
    expect(back.holder).toBeInstanceOf(Holder);
    expect(back.holder.items[0]).toBe(back.a);
    expect(back.a.holder).toBe(back.holder);
    // The source is unharmed: its own cycles, its class instance.
    expect(a.self).toBe(a);
    expect(holder).toBeInstanceOf(Holder);
    expect(list[1]).toBe(list);
  });

  it("refers to the host's objects by token, also from deep inside a record that is otherwise plain", () => {
    const rec = { deep: { deeper: { ref: host, n: 1 } }, plain: { n: 2 } };
    const back = round(rec);
    expect(back.deep.deeper.ref).toBe(host);
    expect(back.plain).toEqual({ n: 2 });
    expect(rec.deep.deeper.ref).toBe(host);
  });

  it("brings frozen records back frozen", () => {
    const frozen = Object.freeze({ k: "v", inner: [1, 2] });
    const back = round({ x: frozen, y: frozen });
    expect(Object.isFrozen(back.x)).toBe(true);
    expect(back.x).toBe(back.y);
    expect(back.x).toEqual({ k: "v", inner: [1, 2] });
  });

  it("refuses a function or an unregistered class, naming where it is", () => {
    expect(() => encodeGraph({ a: [{ f: () => 1 }] }, tokens)).toThrow(SnapshotRefused);
    expect(() => encodeGraph({ a: [{ f: () => 1 }] }, tokens)).toThrow(/a function .* at \.a\.0\.f/);
    class Unknown {}
    expect(() => encodeGraph({ list: [1, new Unknown()] }, tokens)).toThrow(/an instance of Unknown .* at \.list\.1/);
  });
});

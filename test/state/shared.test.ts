import { describe, expect, it } from "vitest";
import { sameData, sameOrFrozenCopy } from "../../src/state/shared.js";

describe("sameData", () => {
  it("is true only for values written as the same JSON text, members in the same order", () => {
    expect(sameData({ a: 1, b: ["x", { c: true }] }, { a: 1, b: ["x", { c: true }] })).toBe(true);
    expect(sameData({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData({ a: [] }, { a: {} })).toBe(false);
    expect(sameData({ a: "1" }, { a: 1 })).toBe(false);
    expect(sameData({ a: null }, { a: {} })).toBe(false);
    expect(sameData({ a: { b: { c: "x" } } }, { a: { b: { c: "y" } } })).toBe(false);
  });
});

describe("sameOrFrozenCopy", () => {
  it("keeps the previous value when the new one is the same data", () => {
    const first = sameOrFrozenCopy(undefined, [{ name: "web", env: [{ name: "A", value: "1" }] }]);
    const again = sameOrFrozenCopy(first, [{ name: "web", env: [{ name: "A", value: "1" }] }]);
    expect(again).toBe(first);
    expect(Object.isFrozen(first[0].env[0])).toBe(true);
  });

  it("copies a different value, so that its caller's objects stay its own and unfrozen", () => {
    const first = sameOrFrozenCopy(undefined, [{ name: "web", env: [{ name: "A", value: "1" }] }]);
    const given = [{ name: "web", env: [{ name: "A", value: "2" }] }];
    const kept = sameOrFrozenCopy(first, given);
    expect(kept).not.toBe(first);
    expect(kept).toEqual(given);
    expect(kept[0].env).not.toBe(given[0].env);
    expect(Object.isFrozen(given[0].env[0])).toBe(false);
    given[0].env[0].value = "3";
    expect(kept[0].env[0].value).toBe("2");
  });
});

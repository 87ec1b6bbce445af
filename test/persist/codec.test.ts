// How journal entries hold their inputs (src/state/persist/codec.ts): what JSON would lose comes back
// as it was, whichever way a text is parsed (with the reviver only when a marker's name is in it).
import { describe, expect, it } from "vitest";
import { decode, encode } from "../../src/state/persist/codec.js";

describe("the journal's input codec", () => {
  it("gives back dates and bytes, at any depth", () => {
    const input = { at: new Date(1_700_000_000_123), body: new Uint8Array([0, 1, 254, 255]), list: [{ when: new Date(5) }, "x"], n: 1 };
    const back = decode(encode(input)) as typeof input;
    expect(back.at).toBeInstanceOf(Date);
    expect(back.at.getTime()).toBe(1_700_000_000_123);
    expect(back.body).toBeInstanceOf(Uint8Array);
    expect([...back.body]).toEqual([0, 1, 254, 255]);
    expect((back.list[0] as { when: Date }).when.getTime()).toBe(5);
    expect(back.list[1]).toBe("x");
    expect(back.n).toBe(1);
  });

  it("parses a text without a marker as JSON does, and leaves markers' names as values alone", () => {
    const text = JSON.stringify({ cluster: "a", tags: [{ key: "$date", value: "$bytes" }], count: 3, nested: { on: true, none: null } });
    expect(decode(text)).toEqual(JSON.parse(text));
    // An object that only looks like a marker (another member beside it) stays an object.
    expect(decode('{"x":{"$date":5,"y":1}}')).toEqual({ x: { $date: 5, y: 1 } });
  });
});

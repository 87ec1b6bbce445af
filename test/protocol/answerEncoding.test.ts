// An answer's bytes are its text's UTF-8 whichever way it is written: ASCII text goes to the socket
// as latin1 (copied, not encoded), the rest as UTF-8; small answers as strings, large ones as a Buffer.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerBody, sendJson } from "../../src/protocol/json.js";

let server: Server;
let url = "";
let next: unknown;

beforeAll(async () => {
  server = createServer((_req, res) => sendJson(res, 200, next, "req-1"));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function answer(value: unknown): Promise<{ length: string | null; bytes: Buffer }> {
  next = value;
  const res = await fetch(url, { method: "POST", body: "{}" });
  return { length: res.headers.get("content-length"), bytes: Buffer.from(await res.arrayBuffer()) };
}

describe("answer bytes", () => {
  const cases: [string, unknown][] = [
    ["small ASCII", { name: "app", image: "busybox:latest" }],
    ["small, one latin1 character", { name: "café" }],
    ["small, characters past latin1 and a surrogate pair", { name: "名前 🚀", other: "\u00ff" }],
    ["small, a lone surrogate", { name: "a\ud800b" }],
    ["large ASCII", { items: Array.from({ length: 800 }, (_, i) => `item-${i}-${"x".repeat(20)}`) }],
    ["large, one character past ASCII at the end", { items: Array.from({ length: 800 }, (_, i) => `item-${i}-${"x".repeat(20)}`), last: "ü" }],
  ];
  for (const [name, value] of cases) {
    it(`${name}: the UTF-8 of JSON.stringify, and its length`, async () => {
      const expected = Buffer.from(JSON.stringify(value), "utf8");
      const got = await answer(value);
      expect(got.bytes.equals(expected)).toBe(true);
      expect(got.length).toBe(String(expected.length));
    });
  }

  it("answerBody: a large text as its UTF-8 bytes, ASCII or not", () => {
    for (const text of ["a".repeat(20_000), `${"a".repeat(20_000)}é`, `${"b".repeat(20_000)}\ud83d\ude80`]) {
      const body = answerBody(text);
      expect(Buffer.isBuffer(body)).toBe(true);
      expect((body as Buffer).equals(Buffer.from(text, "utf8"))).toBe(true);
    }
    expect(answerBody("small é")).toBe("small é");
  });
});

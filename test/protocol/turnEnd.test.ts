// Small answers leave together at the end of the turn that made them, with the text they had then.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { sendJson } from "../../src/protocol/json.js";
import { heldByCommit, isHeldByCommit, writeAtTurnEnd } from "../../src/protocol/turnEnd.js";

describe("answers at the end of the turn", () => {
  it("writes nothing during the turn, then every queued write in order; one that throws does not stop the others", async () => {
    const done: string[] = [];
    const failed: unknown[] = [];
    writeAtTurnEnd(() => void done.push("a"), (e) => failed.push(e));
    writeAtTurnEnd(() => {
      throw new Error("gone");
    }, (e) => failed.push(e));
    writeAtTurnEnd(() => void done.push("c"), (e) => failed.push(e));
    await Promise.resolve();
    expect(done).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(done).toEqual(["a", "c"]);
    expect(failed).toEqual([new Error("gone")]);
  });

  it("tells an answer a commit holds (written as it comes) from one to queue", () => {
    const held = heldByCommit(Promise.resolve({}));
    expect(isHeldByCommit(held)).toBe(true);
    expect(isHeldByCommit(Promise.resolve({}))).toBe(false);
    expect(isHeldByCommit({})).toBe(false);
    expect(isHeldByCommit(undefined)).toBe(false);
  });

  let server: Server | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  it("sends the answer as it was when queued, though the state it came from changed in the same turn", async () => {
    server = createServer((_req, res) => {
      const live = { status: "RUNNING", items: [1, 2] };
      sendJson(res, 200, live, "req-1", undefined, () => {});
      live.status = "STOPPED";
      live.items.push(3);
    });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", () => r()));
    const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-amzn-requestid")).toBe("req-1");
    expect(await answer.json()).toEqual({ status: "RUNNING", items: [1, 2] });
  });
});

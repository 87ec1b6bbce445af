// Retention is applied by the clock: events older than the group's retention disappear as time
// passes (the timeline, a manual clock here), from reads and from storedBytes alike.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { logsCalls, type LogsCalls } from "../helpers/logs.js";

const DAY = 86_400_000;
let t: TestLocal;
let l: LogsCalls;

beforeAll(async () => {
  t = await startLocal();
  l = logsCalls(t);
});
afterAll(() => t.close());
beforeEach(() => t.local.reset());

const bytes = (m: string) => Buffer.byteLength(m) + 26;
const group = async () => (await l.logs("DescribeLogGroups", { logGroupNamePrefix: "g" })).logGroups![0];
const stream = async (name: string) => (await l.logs("DescribeLogStreams", { logGroupName: "g", logStreamNamePrefix: name })).logStreams![0];
const messages = async (name: string) => (await l.logs("GetLogEvents", { logGroupName: "g", logStreamName: name, startFromHead: true })).events!.map((e) => e.message);

describe("retention", () => {
  it("deletes events as they pass the group's retention, and storedBytes follows", async () => {
    await l.logs("CreateLogGroup", { logGroupName: "g" });
    await l.logs("CreateLogStream", { logGroupName: "g", logStreamName: "a" });
    await l.logs("CreateLogStream", { logGroupName: "g", logStreamName: "b" });
    const now = t.clock.now();
    await l.logs("PutLogEvents", { logGroupName: "g", logStreamName: "a", logEvents: [{ timestamp: now - 2 * DAY, message: "old" }] });
    await l.logs("PutLogEvents", { logGroupName: "g", logStreamName: "a", logEvents: [{ timestamp: now - 1000, message: "recent" }] });
    await l.logs("PutLogEvents", { logGroupName: "g", logStreamName: "b", logEvents: [{ timestamp: now - DAY / 2, message: "middle é" }] });
    expect((await group()).storedBytes).toBe(bytes("old") + bytes("recent") + bytes("middle é"));

    // A day's retention takes the 2-day-old event away at once.
    await l.logs("PutRetentionPolicy", { logGroupName: "g", retentionInDays: 1 });
    t.advance(0);
    expect(await messages("a")).toEqual(["recent"]);
    expect((await stream("a")).storedBytes).toBe(bytes("recent"));
    expect((await stream("a")).firstEventTimestamp).toBe(now - 1000);
    expect((await group()).storedBytes).toBe(bytes("recent") + bytes("middle é"));

    // Half a day later (less a moment) the middle event is still there; then it goes.
    t.advance(DAY / 2 - 1);
    expect(await messages("b")).toEqual(["middle é"]);
    t.advance(2);
    expect(await messages("b")).toEqual([]);
    expect((await group()).storedBytes).toBe(bytes("recent"));
    // Nearly a day after it was written the last one goes too; FilterLogEvents sees nothing left.
    t.advance(DAY);
    expect((await l.logs("FilterLogEvents", { logGroupName: "g" })).events).toEqual([]);
    expect((await group()).storedBytes).toBe(0);
  });

  it("keeps everything once the retention policy is deleted", async () => {
    await l.logs("CreateLogGroup", { logGroupName: "g" });
    await l.logs("CreateLogStream", { logGroupName: "g", logStreamName: "a" });
    await l.logs("PutRetentionPolicy", { logGroupName: "g", retentionInDays: 3 });
    await l.logs("PutLogEvents", { logGroupName: "g", logStreamName: "a", logEvents: [{ timestamp: t.clock.now(), message: "kept" }] });
    await l.logs("DeleteRetentionPolicy", { logGroupName: "g" });
    t.advance(10 * DAY);
    expect(await messages("a")).toEqual(["kept"]);
    expect((await group()).storedBytes).toBe(bytes("kept"));
  });

  it("expires events written after the policy, and a longer policy keeps them longer", async () => {
    await l.logs("CreateLogGroup", { logGroupName: "g" });
    await l.logs("CreateLogStream", { logGroupName: "g", logStreamName: "a" });
    await l.logs("PutRetentionPolicy", { logGroupName: "g", retentionInDays: 1 });
    await l.logs("PutLogEvents", { logGroupName: "g", logStreamName: "a", logEvents: [{ timestamp: t.clock.now(), message: "x" }] });
    await l.logs("PutRetentionPolicy", { logGroupName: "g", retentionInDays: 5 });
    t.advance(2 * DAY);
    expect(await messages("a")).toEqual(["x"]);
    t.advance(3 * DAY + 1);
    expect(await messages("a")).toEqual([]);
  });
});

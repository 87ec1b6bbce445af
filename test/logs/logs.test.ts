// CloudWatch Logs on the ecs-local endpoint: groups, streams, events, retention, tags; AWS's texts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SUBNETS } from "../helpers/fixtures.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { logsCalls, type LogsCalls } from "../helpers/logs.js";

let t: TestLocal;
let l: LogsCalls;

beforeAll(async () => {
  t = await startLocal();
  l = logsCalls(t);
});
afterAll(() => t.close());
beforeEach(() => t.local.reset());

describe("log groups", () => {
  it("are created once, described with AWS's fields, and deleted", async () => {
    await l.logs("CreateLogGroup", { logGroupName: "/ecs/web", tags: { team: "a" } });
    const err = await l.logsError("CreateLogGroup", { logGroupName: "/ecs/web" });
    expect(err).toEqual({ status: 400, code: "ResourceAlreadyExistsException", message: "The specified log group already exists" });
    const { logGroups } = await l.logs("DescribeLogGroups", {});
    expect(logGroups).toEqual([
      {
        logGroupName: "/ecs/web",
        creationTime: t.clock.now(),
        metricFilterCount: 0,
        arn: "arn:aws:logs:us-east-1:000000000000:log-group:/ecs/web:*",
        logGroupArn: "arn:aws:logs:us-east-1:000000000000:log-group:/ecs/web",
        storedBytes: 0,
        logGroupClass: "STANDARD",
      },
    ]);
    await l.logs("DeleteLogGroup", { logGroupName: "/ecs/web" });
    expect((await l.logsError("DeleteLogGroup", { logGroupName: "/ecs/web" })).message).toBe("The specified log group does not exist.");
    expect((await l.logs("DescribeLogGroups", {})).logGroups).toEqual([]);
  });

  it("page by name with a prefix or a pattern, never both", async () => {
    for (const n of ["b", "a/x", "a/y", "c", "a/z"]) await l.logs("CreateLogGroup", { logGroupName: n });
    const first = await l.logs("DescribeLogGroups", { logGroupNamePrefix: "a/", limit: 2 });
    expect(first.logGroups!.map((g) => g.logGroupName)).toEqual(["a/x", "a/y"]);
    const second = await l.logs("DescribeLogGroups", { logGroupNamePrefix: "a/", limit: 2, nextToken: first.nextToken });
    expect(second.logGroups!.map((g) => g.logGroupName)).toEqual(["a/z"]);
    expect(second.nextToken).toBeUndefined();
    expect((await l.logs("DescribeLogGroups", { logGroupNamePattern: "Y" })).logGroups!.map((g) => g.logGroupName)).toEqual(["a/y"]);
    expect((await l.logsError("DescribeLogGroups", { logGroupNamePrefix: "a", logGroupNamePattern: "b" })).code).toBe("InvalidParameterException");
    expect((await l.logsError("DescribeLogGroups", { nextToken: "nonsense" })).code).toBe("InvalidParameterException");
    expect((await l.logsError("DescribeLogGroups", { limit: 51 })).code).toBe("ValidationException");
  });

  it("keep each account's and region's groups apart", async () => {
    await l.logs("CreateLogGroup", { logGroupName: "g" }, { region: "eu-west-1" });
    expect((await l.logs("DescribeLogGroups", {})).logGroups).toEqual([]);
    expect((await l.logs("DescribeLogGroups", {}, { region: "eu-west-1" })).logGroups!.map((g) => g.arn)).toEqual(["arn:aws:logs:eu-west-1:000000000000:log-group:g:*"]);
    await l.logs("CreateLogGroup", { logGroupName: "g" }, { accountId: "111111111111" });
  });

  it("take a retention period CloudWatch Logs accepts, and lose it again", async () => {
    await l.logs("CreateLogGroup", { logGroupName: "g" });
    await l.logs("PutRetentionPolicy", { logGroupName: "g", retentionInDays: 7 });
    expect((await l.logs("DescribeLogGroups", {})).logGroups![0].retentionInDays).toBe(7);
    const bad = await l.logsError("PutRetentionPolicy", { logGroupName: "g", retentionInDays: 2 });
    expect(bad.code).toBe("InvalidParameterException");
    expect(bad.message).toMatch(/^1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: \[1, 3, 5, 7,/);
    await l.logs("DeleteRetentionPolicy", { logGroupName: "g" });
    expect((await l.logs("DescribeLogGroups", {})).logGroups![0].retentionInDays).toBeUndefined();
    expect((await l.logsError("PutRetentionPolicy", { logGroupName: "nope", retentionInDays: 1 })).code).toBe("ResourceNotFoundException");
  });

  it("carry tags by ARN and by name", async () => {
    await l.logs("CreateLogGroup", { logGroupName: "g", tags: { a: "1" } });
    const arn = "arn:aws:logs:us-east-1:000000000000:log-group:g";
    await l.logs("TagResource", { resourceArn: arn, tags: { b: "2" } });
    await l.logs("TagLogGroup", { logGroupName: "g", tags: { c: "3" } });
    expect((await l.logs("ListTagsForResource", { resourceArn: arn })).tags).toEqual({ a: "1", b: "2", c: "3" });
    await l.logs("UntagResource", { resourceArn: arn, tagKeys: ["a"] });
    await l.logs("UntagLogGroup", { logGroupName: "g", tags: ["c"] });
    expect((await l.logs("ListTagsLogGroup", { logGroupName: "g" })).tags).toEqual({ b: "2" });
    expect((await l.logsError("ListTagsForResource", { resourceArn: arn + "x" })).code).toBe("ResourceNotFoundException");
    expect((await l.logsError("TagResource", { resourceArn: arn, tags: { "aws:x": "1" } })).code).toBe("InvalidParameterException");
  });

  it("answers an operation ecs-local lacks with an honest error", async () => {
    const err = await l.logsError("StartQuery", { logGroupName: "g", startTime: 0, endTime: 1, queryString: "fields @message" });
    expect(err.message).toBe("ecs-local does not support StartQuery yet.");
  });
});

describe("log streams and events", () => {
  beforeEach(async () => {
    await l.logs("CreateLogGroup", { logGroupName: "g" });
    await l.logs("CreateLogStream", { logGroupName: "g", logStreamName: "s" });
  });

  it("need their group, and exist once", async () => {
    expect(await l.logsError("CreateLogStream", { logGroupName: "g", logStreamName: "s" })).toEqual({ status: 400, code: "ResourceAlreadyExistsException", message: "The specified log stream already exists" });
    expect((await l.logsError("CreateLogStream", { logGroupName: "x", logStreamName: "s" })).message).toBe("The specified log group does not exist.");
    expect((await l.logsError("PutLogEvents", { logGroupName: "g", logStreamName: "x", logEvents: [{ timestamp: t.clock.now(), message: "m" }] })).message).toBe(
      "The specified log stream does not exist.",
    );
  });

  it("store events in time order and read them forwards, backwards and from the end", async () => {
    const now = t.clock.now();
    const put = await l.logs("PutLogEvents", { logGroupName: "g", logStreamName: "s", logEvents: [1, 2, 3, 4, 5].map((i) => ({ timestamp: now - 100 + i, message: `line ${i}` })) });
    expect(put.nextSequenceToken).toMatch(/^\d{56}$/);
    const msgs = (r: { events?: { message?: string }[] }) => r.events!.map((e) => e.message);

    const tail = await l.logs("GetLogEvents", { logGroupName: "g", logStreamName: "s", limit: 2 });
    expect(msgs(tail)).toEqual(["line 4", "line 5"]);
    const before = await l.logs("GetLogEvents", { logGroupName: "g", logStreamName: "s", limit: 2, nextToken: tail.nextBackwardToken });
    expect(msgs(before)).toEqual(["line 2", "line 3"]);
    const end = await l.logs("GetLogEvents", { logGroupName: "g", logStreamName: "s", nextToken: tail.nextForwardToken });
    expect(end.events).toEqual([]);
    expect(end.nextForwardToken).toBe(tail.nextForwardToken);

    const head = await l.logs("GetLogEvents", { logGroupName: "g", logStreamName: "s", startFromHead: true, limit: 3 });
    expect(msgs(head)).toEqual(["line 1", "line 2", "line 3"]);
    expect(head.events![0]).toEqual({ timestamp: now - 99, message: "line 1", ingestionTime: now });
    const rest = await l.logs("GetLogEvents", { logGroupName: "g", logStreamName: "s", nextToken: head.nextForwardToken });
    expect(msgs(rest)).toEqual(["line 4", "line 5"]);
    const window = await l.logs("GetLogEvents", { logGroupName: "g", logStreamName: "s", startFromHead: true, startTime: now - 98, endTime: now - 96 });
    expect(msgs(window)).toEqual(["line 2", "line 3"]);
    expect((await l.logsError("GetLogEvents", { logGroupName: "g", logStreamName: "s", nextToken: "x/1" })).code).toBe("InvalidParameterException");

    const [stream] = (await l.logs("DescribeLogStreams", { logGroupName: "g" })).logStreams!;
    expect(stream).toMatchObject({ logStreamName: "s", firstEventTimestamp: now - 99, lastEventTimestamp: now - 95, lastIngestionTime: now, arn: "arn:aws:logs:us-east-1:000000000000:log-group:g:log-stream:s" });
  });

  it("refuse a batch out of time order, and set aside events too new or too old", async () => {
    const now = t.clock.now();
    const err = await l.logsError("PutLogEvents", { logGroupName: "g", logStreamName: "s", logEvents: [{ timestamp: now, message: "b" }, { timestamp: now - 1, message: "a" }] });
    expect(err).toEqual({ status: 400, code: "InvalidParameterException", message: "Log events in a single PutLogEvents request must be in chronological order." });
    const day = 86_400_000;
    const old = await l.logs("PutLogEvents", { logGroupName: "g", logStreamName: "s", logEvents: [{ timestamp: now - 15 * day + 1000, message: "old" }, { timestamp: now - 14 * day + 1000, message: "ok" }] });
    expect(old.rejectedLogEventsInfo).toEqual({ tooOldLogEventEndIndex: 0 });
    const ahead = await l.logs("PutLogEvents", { logGroupName: "g", logStreamName: "s", logEvents: [{ timestamp: now, message: "ok" }, { timestamp: now + 3 * 3_600_000, message: "new" }] });
    expect(ahead.rejectedLogEventsInfo).toEqual({ tooNewLogEventStartIndex: 1 });
    const span = await l.logsError("PutLogEvents", { logGroupName: "g", logStreamName: "s", logEvents: [{ timestamp: now - 2 * day, message: "a" }, { timestamp: now, message: "b" }] });
    expect(span.message).toBe("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
    expect((await l.logs("GetLogEvents", { logGroupName: "g", logStreamName: "s" })).events!.map((e) => e.message)).toEqual(["ok", "ok"]);
  });

  it("are filtered across streams by pattern, interleaved by time, in pages", async () => {
    await l.logs("CreateLogStream", { logGroupName: "g", logStreamName: "t" });
    const now = t.clock.now();
    await l.logs("PutLogEvents", { logGroupName: "g", logStreamName: "s", logEvents: [{ timestamp: now - 10, message: "GET /a 200" }, { timestamp: now - 7, message: "GET /b 500 ERROR" }] });
    await l.logs("PutLogEvents", { logGroupName: "g", logStreamName: "t", logEvents: [{ timestamp: now - 9, message: "POST /c 200" }, { timestamp: now - 8, message: "boot ERROR disk" }] });
    const all = await l.logs("FilterLogEvents", { logGroupName: "g" });
    expect(all.events!.map((e) => [e.logStreamName, e.message])).toEqual([
      ["s", "GET /a 200"],
      ["t", "POST /c 200"],
      ["t", "boot ERROR disk"],
      ["s", "GET /b 500 ERROR"],
    ]);
    expect(new Set(all.events!.map((e) => e.eventId)).size).toBe(4);
    const text = async (filterPattern: string) => (await l.logs("FilterLogEvents", { logGroupName: "g", filterPattern })).events!.map((e) => e.message);
    expect(await text("ERROR")).toEqual(["boot ERROR disk", "GET /b 500 ERROR"]);
    expect(await text("ERROR -disk")).toEqual(["GET /b 500 ERROR"]);
    expect(await text("?POST ?500")).toEqual(["POST /c 200", "GET /b 500 ERROR"]);
    expect(await text('"GET /a"')).toEqual(["GET /a 200"]);
    const one = await l.logs("FilterLogEvents", { logGroupName: "g", logStreamNames: ["t"], limit: 1 });
    expect(one.events!.map((e) => e.message)).toEqual(["POST /c 200"]);
    const two = await l.logs("FilterLogEvents", { logGroupName: "g", logStreamNames: ["t"], limit: 1, nextToken: one.nextToken });
    expect(two.events!.map((e) => e.message)).toEqual(["boot ERROR disk"]);
    expect(two.nextToken).toBeUndefined();
    // A JSON pattern matches JSON events only: none of these is one (filterPatterns.test.ts has the rest).
    expect(await text("{ $.level = 1 }")).toEqual([]);
  });

  it("order streams by name or by last event, not both with a prefix", async () => {
    await l.logs("CreateLogStream", { logGroupName: "g", logStreamName: "a" });
    const now = t.clock.now();
    await l.logs("PutLogEvents", { logGroupName: "g", logStreamName: "s", logEvents: [{ timestamp: now - 5, message: "x" }] });
    await l.logs("PutLogEvents", { logGroupName: "g", logStreamName: "a", logEvents: [{ timestamp: now - 1, message: "y" }] });
    expect((await l.logs("DescribeLogStreams", { logGroupName: "g" })).logStreams!.map((s) => s.logStreamName)).toEqual(["a", "s"]);
    expect((await l.logs("DescribeLogStreams", { logGroupName: "g", orderBy: "LastEventTime", descending: true })).logStreams!.map((s) => s.logStreamName)).toEqual(["a", "s"]);
    expect((await l.logs("DescribeLogStreams", { logGroupName: "g", orderBy: "LastEventTime" })).logStreams!.map((s) => s.logStreamName)).toEqual(["s", "a"]);
    expect(await l.logsError("DescribeLogStreams", { logGroupName: "g", orderBy: "LastEventTime", logStreamNamePrefix: "a" })).toEqual({
      status: 400,
      code: "InvalidParameterException",
      message: "Cannot order by LastEventTime with a logStreamNamePrefix.",
    });
    await l.logs("DeleteLogStream", { logGroupName: "g", logStreamName: "a" });
    expect((await l.logs("DescribeLogStreams", { logGroupName: "g" })).logStreams!.map((s) => s.logStreamName)).toEqual(["s"]);
  });
});

describe("tasks with the awslogs driver on the simulated runtime", () => {
  it("get their log stream (empty: nothing runs), kept after the task stops", async () => {
    await t.ecs("RegisterTaskDefinition", {
      family: "app",
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: "256",
      memory: "512",
      containerDefinitions: [
        { name: "web", image: "busybox", logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/app", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs", "awslogs-create-group": "true" } } },
      ],
    });
    await t.ecs("CreateCluster", { clusterName: "c" });
    const { tasks } = await t.ecs("RunTask", { cluster: "c", taskDefinition: "app", launchType: "FARGATE", networkConfiguration: SUBNETS });
    const id = tasks![0].taskArn!.split("/").pop();
    t.advance(0);
    await t.ecs("StopTask", { cluster: "c", task: id! });
    t.advance(0);
    const streams = await l.logs("DescribeLogStreams", { logGroupName: "/ecs/app" });
    expect(streams.logStreams!.map((s) => s.logStreamName)).toEqual([`ecs/web/${id}`]);
    expect((await l.logs("GetLogEvents", { logGroupName: "/ecs/app", logStreamName: `ecs/web/${id}` })).events).toEqual([]);
  });
});

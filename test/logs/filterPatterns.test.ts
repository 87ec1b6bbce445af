// FilterLogEvents with JSON and space-delimited filter patterns, through the API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
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

async function put(lines: string[]): Promise<void> {
  await l.logs("CreateLogGroup", { logGroupName: "g" });
  await l.logs("CreateLogStream", { logGroupName: "g", logStreamName: "s" });
  const now = t.clock.now();
  await l.logs("PutLogEvents", { logGroupName: "g", logStreamName: "s", logEvents: lines.map((message, i) => ({ timestamp: now - lines.length + i, message })) });
}

const filter = async (filterPattern: string) => (await l.logs("FilterLogEvents", { logGroupName: "g", filterPattern })).events!.map((e) => e.message);

describe("JSON filter patterns", () => {
  const lines = [
    JSON.stringify({ level: "error", ms: 250, user: { id: "u-1", admin: true }, tags: ["a", "b"], gone: null }),
    JSON.stringify({ level: "info", ms: 12, user: { id: "u-22", admin: false } }),
    JSON.stringify({ level: "error", ms: 5, user: { id: "x-3" } }),
    "not json at all error",
  ];

  it("compare strings, with wildcards, and numbers", async () => {
    await put(lines);
    expect(await filter('{ $.level = "error" }')).toEqual([lines[0], lines[2]]);
    expect(await filter("{ $.level = error }")).toEqual([lines[0], lines[2]]);
    expect(await filter('{ $.level != "error" }')).toEqual([lines[1]]);
    expect(await filter('{ $.user.id = "u-*" }')).toEqual([lines[0], lines[1]]);
    expect(await filter("{ $.ms > 10 }")).toEqual([lines[0], lines[1]]);
    expect(await filter("{ $.ms <= 12 }")).toEqual([lines[1], lines[2]]);
    expect(await filter("{ $.ms = 5 }")).toEqual([lines[2]]);
    expect(await filter('{ $.tags[1] = "b" }')).toEqual([lines[0]]);
  });

  it("combine with && and || and parentheses; IS TRUE/FALSE/NULL, NOT EXISTS", async () => {
    await put(lines);
    expect(await filter('{ $.level = "error" && $.ms > 100 }')).toEqual([lines[0]]);
    expect(await filter('{ $.level = "info" || $.ms < 10 }')).toEqual([lines[1], lines[2]]);
    expect(await filter('{ ($.level = "error" || $.level = "info") && $.user.id = "*-2*" }')).toEqual([lines[1]]);
    expect(await filter("{ $.user.admin IS TRUE }")).toEqual([lines[0]]);
    expect(await filter("{ $.user.admin IS FALSE }")).toEqual([lines[1]]);
    expect(await filter("{ $.gone IS NULL }")).toEqual([lines[0]]);
    expect(await filter("{ $.user.admin NOT EXISTS }")).toEqual([lines[2]]);
  });

  it("refuse a pattern that does not parse", async () => {
    await put(lines);
    for (const bad of ["{ $.level = }", "{ level = 1 }", '{ $.a > "x" }', "{ $.a = 1", "[a,,b]", "{ $.a = 1 && }"]) {
      const err = await l.logsError("FilterLogEvents", { logGroupName: "g", filterPattern: bad });
      expect(err).toMatchObject({ status: 400, code: "InvalidParameterException", message: "Invalid filter pattern" });
    }
  });
});

describe("space-delimited filter patterns", () => {
  const lines = [
    '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 404 1534',
    '10.0.0.2 - bob [10/Oct/2000:13:35:22 -0700] "GET /index.html HTTP/1.0" 200 2326',
    '10.0.0.3 - ann [10/Oct/2000:13:50:35 -0700] "POST /api HTTP/1.0" 500 12',
    "short line",
  ];

  it("match fields by position, [..] and \"..\" as one field, with conditions", async () => {
    await put(lines);
    expect(await filter("[ip, id, user, timestamp, request, status_code = 404, bytes]")).toEqual([lines[0]]);
    expect(await filter("[ip, id, user, timestamp, request, status_code = 4* || status_code = 5*, bytes]")).toEqual([lines[0], lines[2]]);
    expect(await filter('[ip, id, user = "b*", ...]')).toEqual([lines[1]]);
    expect(await filter("[..., status_code >= 400, bytes < 100]")).toEqual([lines[2]]);
    expect(await filter("[ip = 10.*, ..., bytes > 1000]")).toEqual([lines[1]]);
    expect(await filter("[ip, id, user, timestamp, request = *html*, status_code, bytes]")).toEqual([lines[1]]);
    // Without an ellipsis the number of fields must match.
    expect(await filter("[a, b]")).toEqual([lines[3]]);
    expect(await filter("[a, b, c]")).toEqual([]);
  });
});

// The log: levels filter, text or JSON lines, a fault's stack in the log.
import { describe, expect, it } from "vitest";
import { createLogger, type LoggerOptions } from "../src/log.js";

function capture(options: LoggerOptions) {
  const lines: string[] = [];
  const logger = createLogger({ now: () => Date.UTC(2026, 0, 2, 3, 4, 5), ...options, write: (l) => lines.push(l) });
  return { logger, lines };
}

const entry = { requestId: "r-1", accountId: "000000000000", region: "us-east-1", service: "ecs", operation: "ListClusters", status: 200, durationMs: 1.25 };

describe("logger", () => {
  it("drops what is below its level", () => {
    const { logger, lines } = capture({ level: "warn" });
    logger.debug("d");
    logger.info("i");
    logger.request(entry);
    logger.warn("w");
    logger.error("e");
    expect(lines.map((l) => l.split(/ +/)[2])).toEqual(["w", "e"]);
    const silent = capture({ level: "silent" });
    silent.logger.error("e", new Error("x"));
    expect(silent.lines).toEqual([]);
  });

  it("writes one JSON object per line with the request's fields", () => {
    const { logger, lines } = capture({ level: "info", format: "json" });
    logger.request(entry);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toEqual({ time: "2026-01-02T03:04:05.000Z", level: "info", msg: "request", ...entry });
  });

  it("puts a fault's stack in the log: a field in JSON, lines after the message in text", () => {
    const err = new TypeError("boom");
    const json = capture({ format: "json" });
    json.logger.error("unexpected fault", err, { requestId: "r-2" });
    const parsed = JSON.parse(json.lines[0]);
    expect(parsed).toMatchObject({ level: "error", msg: "unexpected fault", requestId: "r-2" });
    expect(parsed.stack).toContain("TypeError: boom\n    at ");
    const text = capture({});
    text.logger.error("unexpected fault", err);
    expect(text.lines[0]).toMatch(/^2026-01-02T03:04:05.000Z ERROR unexpected fault\nTypeError: boom\n {4}at /);
  });

  it("writes a request as one text line", () => {
    const { logger, lines } = capture({ level: "info" });
    logger.request({ ...entry, status: 400, error: "ClusterNotFoundException" });
    expect(lines).toEqual(["2026-01-02T03:04:05.000Z INFO  ecs.ListClusters 400 ClusterNotFoundException 1.3ms requestId=r-1 account=000000000000 region=us-east-1"]);
  });
});

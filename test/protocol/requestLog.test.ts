// Each finished request is reported once to the logger, whatever its protocol, with its outcome.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { ManualClock } from "../../src/engine/clock.js";
import { createLogger } from "../../src/log.js";
import { authHeader } from "../helpers/local.js";
import { queryCaller } from "../helpers/query.js";

const lines: any[] = [];
let server: Server;
let url: string;

beforeAll(async () => {
  const logger = createLogger({ level: "info", format: "json", write: (l) => lines.push(JSON.parse(l)) });
  const local = createApp({ clock: new ManualClock(), logger });
  server = createServer(local.handle);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const requests = () => lines.filter((l) => l.msg === "request");

describe("request log", () => {
  it("reports an awsJson call with its service, operation, account, region and status", async () => {
    lines.length = 0;
    const res = await fetch(url + "/", {
      method: "POST",
      headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AmazonEC2ContainerServiceV20141113.ListClusters", Authorization: authHeader("123456789012", "eu-west-1") },
      body: "{}",
    });
    expect(res.status).toBe(200);
    const [entry] = requests();
    expect(entry).toMatchObject({ level: "info", service: "ecs", operation: "ListClusters", accountId: "123456789012", region: "eu-west-1", status: 200, requestId: res.headers.get("x-amzn-requestid") });
    expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    expect(entry.error).toBeUndefined();
  });

  it("reports a query call, and an error's code", async () => {
    lines.length = 0;
    await queryCaller({ url }, "sts").call("GetCallerIdentity", {}, { accountId: "123456789012" });
    await queryCaller({ url }, "ec2").error("DescribeSpotPriceHistory", {});
    const [ok, failed] = requests();
    expect(ok).toMatchObject({ service: "sts", operation: "GetCallerIdentity", accountId: "123456789012", status: 200 });
    expect(failed).toMatchObject({ service: "ec2", operation: "DescribeSpotPriceHistory", status: 400, error: "UnsupportedOperation" });
    expect(requests()).toHaveLength(2);
  });
});

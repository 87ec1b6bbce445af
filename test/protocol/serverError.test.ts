// A fault of our own is a logged 500 in the protocol's own format, with no stack trace on the wire.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";
import { handleJson, type JsonService } from "../../src/protocol/json.js";
import { handleQuery, type QueryService } from "../../src/protocol/query.js";
import type { ProtocolOptions } from "../../src/protocol/service.js";
import { readError } from "../../src/protocol/xmlRead.js";

const fault = (): never => {
  throw new TypeError("cannot read properties of undefined (reading 'secret')");
};

function options(lines: string[], format: "text" | "json" = "text"): ProtocolOptions {
  const logger = createLogger({ level: "info", format, write: (l) => lines.push(l) });
  return { defaultAccount: "000000000000", defaultRegion: "us-east-1", maxBodyBytes: 1024, validateOutput: false, logger, beforeInvoke: () => {} };
}

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void, init: RequestInit): Promise<{ status: number; text: string; type: string | null; requestId: string | null }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, init);
    return { status: res.status, text: await res.text(), type: res.headers.get("x-amzn-errortype"), requestId: res.headers.get("x-amzn-requestid") };
  } finally {
    server.close();
  }
}

const base = { signingName: "x", operations: ["ListClusters"], has: () => true, implemented: () => true, reset: () => {}, invoke: fault };

describe("unexpected errors", () => {
  it("become 500 ServerException (awsJson), logged with the stack, without it in the body", async () => {
    const logged: string[] = [];
    const broken: JsonService = { ...base, name: "ecs", targetPrefix: "AmazonEC2ContainerServiceV20141113" };
    const res = await serve((req, res) => void handleJson(req, res, [broken], options(logged)), {
      method: "POST",
      headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AmazonEC2ContainerServiceV20141113.ListClusters" },
      body: "{}",
    });
    expect(res.status).toBe(500);
    expect(res.type).toBe("ServerException");
    expect(JSON.parse(res.text)).toEqual({ __type: "ServerException", message: "An internal error occurred in ecs-local; it was logged." });
    expect(res.text).not.toContain("secret");
    expect(logged.join("\n")).toContain("TypeError: cannot read properties of undefined (reading 'secret')");
    expect(logged.join("\n")).toMatch(/ecs\.ListClusters 500 ServerException/);
  });

  it("become 500 InternalFailure (query XML), logged, without the stack in the body", async () => {
    const logged: string[] = [];
    const broken: QueryService = { ...base, name: "sts", signingName: "sts", protocol: "query", apiVersion: "2011-06-15", xmlNamespace: "https://sts.amazonaws.com/doc/2011-06-15/", operations: ["GetCallerIdentity"] };
    const res = await serve((req, res) => void handleQuery(req, res, [broken], ["sts"], options(logged)), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    });
    expect(res.status).toBe(500);
    const err = await readError(res.text);
    expect(err).toMatchObject({ root: "ErrorResponse", type: "Receiver", code: "InternalFailure", message: "An internal error occurred in ecs-local; it was logged." });
    expect(res.text).not.toContain("secret");
    expect(logged.join("\n")).toContain("TypeError: cannot read properties of undefined (reading 'secret')");
  });

  it("are logged in JSON with the stack, request id, service and operation as fields of their own", async () => {
    const logged: string[] = [];
    const broken: JsonService = { ...base, name: "ecs", targetPrefix: "AmazonEC2ContainerServiceV20141113" };
    const res = await serve((req, res) => void handleJson(req, res, [broken], options(logged, "json")), {
      method: "POST",
      headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AmazonEC2ContainerServiceV20141113.ListClusters", Authorization: "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260102/eu-west-1/ecs/aws4_request, SignedHeaders=host, Signature=0" },
      body: "{}",
    });
    expect(res.status).toBe(500);
    const entries = logged.map((l) => JSON.parse(l));
    const fault = entries.find((e) => e.level === "error");
    expect(fault).toMatchObject({ msg: "operation failed", service: "ecs", operation: "ListClusters", region: "eu-west-1" });
    expect(fault.requestId).toBe(res.requestId);
    expect(fault.stack).toMatch(/^TypeError: cannot read properties of undefined \(reading 'secret'\)\n {4}at /);
    expect(fault.msg).not.toContain("TypeError");
    // The request line carries the same id: the two are found together.
    expect(entries.find((e) => e.msg === "request")).toMatchObject({ requestId: fault.requestId, status: 500, error: "ServerException" });
  });

  it("are logged in JSON from the query protocol too", async () => {
    const logged: string[] = [];
    const broken: QueryService = { ...base, name: "sts", signingName: "sts", protocol: "query", apiVersion: "2011-06-15", xmlNamespace: "https://sts.amazonaws.com/doc/2011-06-15/", operations: ["GetCallerIdentity"] };
    const res = await serve((req, res) => void handleQuery(req, res, [broken], ["sts"], options(logged, "json")), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    });
    expect(res.status).toBe(500);
    const fault = logged.map((l) => JSON.parse(l)).find((e) => e.level === "error");
    expect(fault).toMatchObject({ msg: "operation failed", service: "sts", operation: "GetCallerIdentity", requestId: res.requestId, accountId: "000000000000", region: "us-east-1" });
    expect(fault.stack).toMatch(/^TypeError: cannot read properties of undefined \(reading 'secret'\)\n {4}at /);
  });
});

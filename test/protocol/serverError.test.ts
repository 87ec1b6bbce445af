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

function options(lines: string[]): ProtocolOptions {
  const logger = createLogger({ level: "info", write: (l) => lines.push(l) });
  return { defaultAccount: "000000000000", defaultRegion: "us-east-1", maxBodyBytes: 1024, validateOutput: false, logger, beforeInvoke: () => {} };
}

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void, init: RequestInit): Promise<{ status: number; text: string; type: string | null }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, init);
    return { status: res.status, text: await res.text(), type: res.headers.get("x-amzn-errortype") };
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
});

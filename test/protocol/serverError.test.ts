// A fault of our own is a logged 500 ServerException with no stack trace on the wire.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { handleJson, type JsonService } from "../../src/protocol/json.js";

describe("unexpected errors", () => {
  it("become 500 ServerException, logged, without a stack trace in the body", async () => {
    const logged: string[] = [];
    const broken: JsonService = {
      name: "ecs",
      targetPrefix: "AmazonEC2ContainerServiceV20141113",
      has: () => true,
      invoke: () => {
        throw new TypeError("cannot read properties of undefined (reading 'secret')");
      },
    };
    const server = createServer((req, res) =>
      handleJson(req, res, [broken], { defaultAccount: "000000000000", defaultRegion: "us-east-1", maxBodyBytes: 1024, validateOutput: false, log: (l) => logged.push(l) }),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {
        method: "POST",
        headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AmazonEC2ContainerServiceV20141113.ListClusters" },
        body: "{}",
      });
      expect(res.status).toBe(500);
      expect(res.headers.get("x-amzn-errortype")).toBe("ServerException");
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ __type: "ServerException", message: "An internal error occurred in ecs-local; it was logged." });
      expect(text).not.toContain("secret");
      expect(logged.join("\n")).toContain("TypeError: cannot read properties of undefined (reading 'secret')");
    } finally {
      server.close();
    }
  });
});

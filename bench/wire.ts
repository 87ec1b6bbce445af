// The exact HTTP request @aws-sdk/client-ecs sends for an operation: the same headers in the same
// order, the same JSON member order (required members first, then the schema's order), a valid SigV4
// signature. fidelity.ts checks this against the SDK itself on every run.
import { randomUUID } from "node:crypto";
import { amzDate, sha256Hex, Signer } from "./sigv4.js";

export const TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113";

export interface WireRequest {
  operation: string;
  /** Lower-case names in the SDK's order, ready for undici. */
  headers: Record<string, string>;
  body: string;
  /** The whole request as Node's http client writes it, ready for the socket. */
  raw: Buffer;
}

export interface UserAgent {
  /** The user-agent header the SDK sends (not signed). */
  userAgent: string;
  /** The x-amz-user-agent header the SDK sends (signed). */
  amzUserAgent: string;
}

export interface BuildOptions {
  date?: string;
  invocationId?: string;
}

export class EcsWire {
  constructor(
    private readonly signer: Signer,
    private readonly region: string,
    private readonly host: string,
    private readonly agent: UserAgent,
  ) {}

  build(operation: string, input: object, opts: BuildOptions = {}): WireRequest {
    const body = JSON.stringify(input);
    const date = opts.date ?? amzDate();
    const signed: Record<string, string> = {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `${TARGET_PREFIX}.${operation}`,
      "content-length": String(Buffer.byteLength(body)),
      "x-amz-user-agent": this.agent.amzUserAgent,
      host: this.host,
      "amz-sdk-invocation-id": opts.invocationId ?? randomUUID(),
      "amz-sdk-request": "attempt=1; max=3",
      "x-amz-date": date,
      "x-amz-content-sha256": sha256Hex(body),
    };
    const authorization = this.signer.authorization({ method: "POST", path: "/", headers: signed, body, region: this.region, service: "ecs", amzDate: date });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(signed)) {
      headers[k] = v;
      // The SDK puts the unsigned user-agent right after x-amz-user-agent.
      if (k === "x-amz-user-agent") headers["user-agent"] = this.agent.userAgent;
    }
    headers.authorization = authorization;
    // Node's http client (under the SDK) appends Connection: keep-alive after the caller's headers.
    const head = `POST / HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}Connection: keep-alive\r\n\r\n`;
    return { operation, headers, body, raw: Buffer.from(head + body) };
  }
}

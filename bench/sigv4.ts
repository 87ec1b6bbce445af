// AWS Signature Version 4 for header-signed requests, with node:crypto only, so the driver can
// send what the SDK sends without paying for the SDK's middleware stack on every request.
import { createHash, createHmac } from "node:crypto";

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SignInput {
  method: string;
  path: string;
  /** Header names in lower case; every one of them is signed. */
  headers: Record<string, string>;
  body: string;
  region: string;
  service: string;
  /** YYYYMMDD'T'HHMMSS'Z', the value of X-Amz-Date. */
  amzDate: string;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data, "utf8").digest();
}

/** 20260101T120000Z from a Date, as X-Amz-Date carries it. */
export function amzDate(d: Date = new Date()): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** Derives (and remembers, per day, region and service) the key every signature of that scope uses. */
export class Signer {
  private keys = new Map<string, Buffer>();

  constructor(private readonly creds: Credentials) {}

  get accessKeyId(): string {
    return this.creds.accessKeyId;
  }

  signingKey(day: string, region: string, service: string): Buffer {
    const id = `${day}/${region}/${service}`;
    let key = this.keys.get(id);
    if (!key) {
      key = hmac(hmac(hmac(hmac(`AWS4${this.creds.secretAccessKey}`, day), region), service), "aws4_request");
      this.keys.set(id, key);
    }
    return key;
  }

  /** The Authorization header value for a request whose headers are all to be signed. */
  authorization(input: SignInput): string {
    const day = input.amzDate.slice(0, 8);
    const names = Object.keys(input.headers).sort();
    const canonicalHeaders = names.map((n) => `${n}:${input.headers[n].trim().replace(/\s+/g, " ")}\n`).join("");
    const signedHeaders = names.join(";");
    const payloadHash = input.headers["x-amz-content-sha256"] ?? sha256Hex(input.body);
    const canonicalRequest = [input.method, input.path, "", canonicalHeaders, signedHeaders, payloadHash].join("\n");
    const scope = `${day}/${input.region}/${input.service}/aws4_request`;
    const stringToSign = ["AWS4-HMAC-SHA256", input.amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
    const signature = createHmac("sha256", this.signingKey(day, input.region, input.service)).update(stringToSign, "utf8").digest("hex");
    return `AWS4-HMAC-SHA256 Credential=${this.creds.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  }
}

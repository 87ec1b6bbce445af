// S3 against a test server: the SDK v3 client (path-style, as it uses for an IP endpoint) and raw
// requests signed for s3, to look at what a client does not show (status, headers, the error document).
import { S3Client } from "@aws-sdk/client-s3";
import { parseStringPromise } from "xml2js";
import { send } from "./http.js";
import type { TestLocal } from "./local.js";

export function s3Client(t: Pick<TestLocal, "url">, accessKeyId = "test", region = "us-east-1"): S3Client {
  return new S3Client({ endpoint: t.url, region, credentials: { accessKeyId, secretAccessKey: "test" } });
}

export function s3Auth(accessKey = "test", region = "us-east-1"): string {
  return `AWS4-HMAC-SHA256 Credential=${accessKey}/20260101/${region}/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=0000`;
}

export interface RawS3 {
  status: number;
  headers: Headers;
  text: string;
  /** The error document's elements, when the body is one. */
  error?: Record<string, string>;
}

export async function rawS3(t: Pick<TestLocal, "url">, method: string, path: string, init: { body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<RawS3> {
  const res = await send(t.url + path, { method, headers: { Authorization: s3Auth(), "x-amz-content-sha256": "UNSIGNED-PAYLOAD", ...init.headers }, body: init.body });
  const text = res.text;
  let error: Record<string, string> | undefined;
  if (text.startsWith("<?xml") && text.includes("<Error>")) {
    const doc = (await parseStringPromise(text, { explicitArray: false })) as { Error: Record<string, string> };
    error = doc.Error;
  }
  return { status: res.status, headers: res.headers, text, error };
}

// The aws-chunked body encoding SigV4 streaming uploads use (S3 PutObject from the SDKs): chunks
// `<hex size>[;chunk-signature=…]\r\n<bytes>\r\n`, a zero-size chunk, then trailing headers (the
// flexible checksums, `x-amz-checksum-crc32:…`) and an empty line. Signatures are not checked.
import type { IncomingHttpHeaders } from "node:http";

export interface Unchunked {
  data: Buffer;
  /** Trailing headers, names in lower case. */
  trailers: Record<string, string>;
}

/** True when the body is aws-chunked: by its content encoding, or a streaming content hash. */
export function isAwsChunked(headers: IncomingHttpHeaders): boolean {
  const encoding = String(headers["content-encoding"] ?? "");
  const hash = String(headers["x-amz-content-sha256"] ?? "");
  return encoding.split(",").some((e) => e.trim() === "aws-chunked") || hash.startsWith("STREAMING-");
}

/** Decodes the chunks; undefined when the body breaks the encoding. */
export function decodeAwsChunked(body: Buffer): Unchunked | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = body.indexOf("\r\n", at);
    if (eol < 0) return undefined;
    const sizeText = body.toString("latin1", at, eol).split(";")[0].trim();
    if (!/^[0-9a-fA-F]+$/.test(sizeText)) return undefined;
    const size = parseInt(sizeText, 16);
    at = eol + 2;
    if (size === 0) break;
    if (at + size > body.length) return undefined;
    parts.push(body.subarray(at, at + size));
    at += size;
    if (body.toString("latin1", at, at + 2) !== "\r\n") return undefined;
    at += 2;
  }
  const trailers: Record<string, string> = {};
  for (const line of body.toString("latin1", at).split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { data: parts.length === 1 ? parts[0] : Buffer.concat(parts), trailers };
}

/**
 * The headers the operation reads once the body is decoded: the trailers join them, the content
 * encoding loses `aws-chunked`, and the length is the decoded one.
 */
export function unchunkedHeaders(headers: IncomingHttpHeaders, decoded: Unchunked): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = { ...headers, ...decoded.trailers };
  const encoding = String(headers["content-encoding"] ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "" && e !== "aws-chunked");
  if (encoding.length) out["content-encoding"] = encoding.join(", ");
  else delete out["content-encoding"];
  out["content-length"] = String(decoded.data.length);
  delete out["x-amz-decoded-content-length"];
  delete out["x-amz-trailer"];
  return out;
}

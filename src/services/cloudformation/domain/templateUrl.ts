// TemplateURL (and the stack policy URLs): the template is the object an S3 URL names, read through
// S3's port as the caller. The URL forms AWS accepts (path-style and virtual-hosted, with or without a
// region, presigned queries ignored), and this endpoint's own (`http://127.0.0.1:4566/<bucket>/<key>`,
// `http://<bucket>.localhost:4566/<key>`: what the AWS CLI and the CDK build from the S3 endpoint they
// were given). AWS's words: "TemplateURL must be a supported URL." for another host, "TemplateURL must
// reference a valid S3 object to which you have access." for an object the caller cannot read.
import { commonErrors } from "../../../protocol/errors.js";
import type { CloudFormationContext } from "../context.js";

export interface S3Location {
  bucket: string;
  key: string;
}

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

function pathStyle(path: string): S3Location | undefined {
  const m = /^\/([^/]+)\/(.+)$/.exec(path);
  return m ? { bucket: decode(m[1]), key: decode(m[2]) } : undefined;
}

const virtual = (bucket: string, path: string): S3Location | undefined => (path.length > 1 ? { bucket, key: decode(path.slice(1)) } : undefined);

const LOCAL_HOST = /^(localhost|\[::1\]|\d{1,3}(\.\d{1,3}){3})$/i;

/** The bucket and key an S3 URL names; undefined for a URL that is not S3's (nor this endpoint's). */
export function parseS3Url(text: string): S3Location | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  const host = url.hostname.toLowerCase();
  if (/^s3([.-][a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/.test(host)) return pathStyle(url.pathname);
  const vh = /^(.+)\.s3([.-][a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/.exec(host);
  if (vh) return virtual(vh[1], url.pathname);
  if (LOCAL_HOST.test(host)) return pathStyle(url.pathname);
  const local = /^(.+)\.localhost$/.exec(host);
  if (local) return virtual(local[1], url.pathname);
  return undefined;
}

/** The largest template CloudFormation reads from S3 (the documented quota: 1 MB). */
export const MAX_URL_TEMPLATE_BYTES = 1_000_000;

/** Reads the object a URL names as the caller; `what` names the parameter in a refusal (`TemplateURL`, `StackPolicyURL`). */
export type UrlReader = (url: string, what?: string) => string;

export const s3Reader =
  (ctx: CloudFormationContext): UrlReader =>
  (url, what) =>
    readS3Url(ctx, url, what);

function readS3Url(ctx: CloudFormationContext, url: string, what = "TemplateURL"): string {
  const where = parseS3Url(url);
  if (!where) throw commonErrors.validation(`${what} must be a supported URL.`);
  const read = ctx.backend.peers.s3.readObject(ctx.request.accountId, where.bucket, where.key);
  if ("error" in read) throw commonErrors.validation(`${what} must reference a valid S3 object to which you have access.`);
  if (read.bytes.length > MAX_URL_TEMPLATE_BYTES) throw commonErrors.validation(`Template may not exceed ${MAX_URL_TEMPLATE_BYTES} bytes in size.`);
  return read.bytes.toString("utf8");
}

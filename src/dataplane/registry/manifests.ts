// Manifests through the registry: a pull reads the image ECR recorded (the bytes as pushed, by tag
// or digest); a push is checked by the registry behind (every blob it names must be in the
// repository), then recorded in ECR as a PutImage, where tag immutability is enforced. The same image
// pushed again under the same tag is accepted, unless the repository's tags are immutable: ECR
// refuses even an unchanged one then (moby/buildkit#3776, aws/containers-roadmap#2179).
import { createHash, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { AwsError } from "../../protocol/errors.js";
import type { RequestContext } from "../../protocol/context.js";
import type { EcrRegistryPort } from "../../services/ecr/context.js";
import type { RegistryCaller } from "./auth.js";
import { API_VERSION_HEADER, registryErrors, sendError } from "./errors.js";
import { send, type Buffered } from "./forward.js";
import type { Upstream } from "./process.js";

const MAX_MANIFEST = 4 * 1024 * 1024;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

export interface ManifestContext {
  ecr: EcrRegistryPort;
  upstream: () => Promise<Upstream>;
  /** ECR's PutImage, run and journaled as a request would be. */
  putImage(input: Record<string, unknown>, request: RequestContext): Promise<unknown>;
}

export function getManifest(ctx: ManifestContext, res: ServerResponse, caller: RegistryCaller, name: string, reference: string, head: boolean): void {
  const found = ctx.ecr.manifest(caller.accountId, caller.region, name, reference);
  if (!found) return registryErrors.manifestUnknown(res);
  const body = Buffer.from(found.manifest, "utf8");
  res.writeHead(200, { ...API_VERSION_HEADER, "Content-Type": found.mediaType, "Content-Length": body.length, "Docker-Content-Digest": found.digest, Etag: `"${found.digest}"` });
  res.end(head ? undefined : body);
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= MAX_MANIFEST) chunks.push(c);
    });
    req.on("end", () => resolve(size > MAX_MANIFEST ? undefined : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function putManifest(ctx: ManifestContext, req: IncomingMessage, res: ServerResponse, caller: RegistryCaller, name: string, reference: string): Promise<void> {
  const isDigest = reference.includes(":");
  if (isDigest ? !DIGEST.test(reference) : !TAG.test(reference)) return sendError(res, 400, isDigest ? "DIGEST_INVALID" : "TAG_INVALID", isDigest ? "provided digest did not match uploaded content" : "manifest tag did not match URI");
  const body = await readBody(req);
  if (!body) return sendError(res, 400, "MANIFEST_INVALID", `manifest invalid: larger than ${MAX_MANIFEST} bytes`);
  const text = body.toString("utf8");
  const digest = `sha256:${createHash("sha256").update(body).digest("hex")}`;
  if (!Buffer.from(text, "utf8").equals(body)) return sendError(res, 400, "MANIFEST_INVALID", "manifest invalid: not UTF-8 text");
  if (isDigest && reference !== digest) return sendError(res, 400, "DIGEST_INVALID", "provided digest did not match uploaded content");
  const prefix = `${caller.accountId}/${caller.region}`;
  // The registry behind checks the manifest and its blobs; by digest, so that tags stay ECR's alone.
  const checked = await send(await ctx.upstream(), "PUT", `/v2/${prefix}/${name}/manifests/${digest}`, req.headers, body);
  if (checked.status >= 300) return relay(res, checked);
  const contentType = req.headers["content-type"];
  const input = {
    repositoryName: name,
    imageManifest: text,
    ...(contentType && contentType !== "application/octet-stream" ? { imageManifestMediaType: contentType.split(";")[0].trim() } : {}),
    ...(isDigest ? {} : { imageTag: reference }),
    imageDigest: digest,
  };
  try {
    await ctx.putImage(input, { accountId: caller.accountId, region: caller.region, requestId: randomUUID(), via: "registry" });
  } catch (e) {
    if (!(e instanceof AwsError)) throw e;
    const accepted = e.code === "ImageAlreadyExistsException" && (isDigest || !ctx.ecr.tagImmutable(caller.accountId, caller.region, name, reference));
    if (!accepted) return pushRefused(res, e, caller, name, reference);
  }
  res.writeHead(201, { ...API_VERSION_HEADER, Location: `http://${req.headers.host ?? "localhost"}/v2/${name}/manifests/${digest}`, "Docker-Content-Digest": digest, "Content-Length": 0 });
  res.end();
}

function pushRefused(res: ServerResponse, e: AwsError, caller: RegistryCaller, name: string, tag: string): void {
  switch (e.code) {
    case "RepositoryNotFoundException":
      return registryErrors.nameUnknown(res, name, caller.accountId);
    case "ImageTagAlreadyExistsException":
    case "ImageAlreadyExistsException":
      return sendError(res, 400, "TAG_INVALID", `The image tag '${tag}' already exists in the '${name}' repository and cannot be overwritten because the repository is immutable.`);
    default:
      return sendError(res, 400, "MANIFEST_INVALID", e.message);
  }
}

function relay(res: ServerResponse, b: Buffered): void {
  res.writeHead(b.status, { ...API_VERSION_HEADER, "Content-Type": String(b.headers["content-type"] ?? "application/json; charset=utf-8"), "Content-Length": b.body.length });
  res.end(b.body);
}

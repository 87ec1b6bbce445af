// The Registry HTTP API v2 under `/v2/` on ecs-local's own port, as ECR answers it: every request
// but the base check needs a password ECR issued; a repository must exist in ECR (ECR creates none on
// push); manifests, tags and the catalog are ECR's own records, blobs and uploads the registry's
// behind. Deleting a manifest through the registry API is not what ECR offers (BatchDeleteImage is).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EcrRegistryPort } from "../../services/ecr/context.js";
import { authenticate, type AgentPasswords, type RegistryCaller } from "./auth.js";
import { API_VERSION_HEADER, challenge, registryErrors, sendError } from "./errors.js";
import { forward } from "./forward.js";
import { getManifest, putManifest, type ManifestContext } from "./manifests.js";

export interface ProxyContext extends ManifestContext {
  ecr: EcrRegistryPort;
  agent: AgentPasswords;
  /** The server's clock, epoch milliseconds. */
  now(): number;
}

const ROUTE = /^\/v2\/(.+?)\/(manifests|blobs|tags)\/(.*)$/;
const NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

function json(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { ...API_VERSION_HEADER, "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

export async function handleRegistry(ctx: ProxyContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://registry");
  const auth = authenticate(req, ctx.ecr, ctx.agent, ctx.now());
  if ("refused" in auth) {
    req.resume();
    return auth.refused === "expired" ? registryErrors.expired(res) : challenge(res, req.headers.host ?? "localhost");
  }
  const { caller } = auth;
  if (url.pathname === "/v2/" || url.pathname === "/v2") return json(res, {});
  if (url.pathname === "/v2/_catalog") return json(res, { repositories: ctx.ecr.repositories(caller.accountId, caller.region).sort() });
  const m = ROUTE.exec(url.pathname);
  if (!m || !NAME.test(m[1])) {
    req.resume();
    return sendError(res, 404, "NAME_INVALID", "invalid repository name");
  }
  const [, name, kind, rest] = m;
  if (!ctx.ecr.hasRepository(caller.accountId, caller.region, name)) {
    req.resume();
    return registryErrors.nameUnknown(res, name, caller.accountId);
  }
  if (kind === "tags") return json(res, { name, tags: ctx.ecr.tags(caller.accountId, caller.region, name) });
  if (kind === "manifests") {
    let reference: string;
    try {
      reference = decodeURIComponent(rest);
    } catch {
      req.resume();
      return registryErrors.manifestUnknown(res);
    }
    return manifest(ctx, req, res, caller, name, reference);
  }
  return blob(ctx, req, res, caller, name, url);
}

function manifest(ctx: ProxyContext, req: IncomingMessage, res: ServerResponse, caller: RegistryCaller, name: string, reference: string): Promise<void> | void {
  if (req.method === "GET" || req.method === "HEAD") return getManifest(ctx, res, caller, name, reference, req.method === "HEAD");
  if (req.method === "PUT") return putManifest(ctx, req, res, caller, name, reference);
  req.resume();
  return registryErrors.unsupported(res);
}

async function blob(ctx: ProxyContext, req: IncomingMessage, res: ServerResponse, caller: RegistryCaller, name: string, url: URL): Promise<void> {
  const prefix = `${caller.accountId}/${caller.region}`;
  const query = new URLSearchParams(url.search);
  // A mount from another repository of the same registry (a layer pushed there before).
  const from = query.get("from");
  if (from !== null) {
    if (ctx.ecr.hasRepository(caller.accountId, caller.region, from)) query.set("from", `${prefix}/${from}`);
    else query.delete("from");
  }
  const search = query.toString();
  const path = `/v2/${prefix}/${name}/blobs/${url.pathname.slice(`/v2/${name}/blobs/`.length)}${search ? `?${search}` : ""}`;
  if (req.method === "DELETE" && !url.pathname.startsWith(`/v2/${name}/blobs/uploads/`)) {
    req.resume();
    return registryErrors.unsupported(res);
  }
  await forward(await ctx.upstream(), req, res, { path, prefix });
}

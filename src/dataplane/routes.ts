// The task endpoints' requests: `/v2/credentials/<id>` (the task role's credentials), `/v3|v4/<id>`
// with `/task`, `/taskWithTags`, `/stats`, `/task/stats` (the metadata), each read from ECS's port
// and the engine; anything else is ecs-local's API, answered by the same handler as on its own port.
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { Backends } from "../services/backends.js";
import type { ContainerRuntime } from "../runtime/runtime.js";
import type { TaskView } from "../services/ecs/domain/taskEndpoints.js";
import type { RequestContext } from "../protocol/context.js";
import { containerDocument, endpointId, taskDocument, type MetadataFacts, type MetadataVersion } from "./metadata.js";
import { credentialsDocument } from "./environment.js";
import { withNetworkRates, type Samples } from "./stats.js";

export interface RouteContext {
  backends: Backends;
  runtime: () => ContainerRuntime;
  /** The server's clock, epoch milliseconds. */
  now: () => number;
  /** ecs-local's own request handler (the API, health, console). */
  api: (req: IncomingMessage, res: ServerResponse) => void;
  samples: Samples;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

const METADATA = /^\/v([34])\/([0-9a-f]{32}-\d{10})(\/task|\/taskWithTags|\/stats|\/task\/stats)?\/?$/;
const CREDENTIALS = /^\/v2\/credentials\/([^/?]+)$/;

/** Handles a request on a task endpoint listener; `relative` says whether the listener is 169.254.170.2:80. */
export function route(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, relative: boolean): void {
  const path = (req.url ?? "/").split("?")[0];
  const creds = req.method === "GET" ? CREDENTIALS.exec(path) : null;
  if (creds) return credentials(ctx, req, res, decodeURIComponent(creds[1]), relative);
  const meta = req.method === "GET" ? METADATA.exec(path) : null;
  if (!meta) return ctx.api(req, res);
  metadata(ctx, Number(meta[1]) as MetadataVersion, meta[2], meta[3] ?? "").then(
    ([status, body]) => send(res, status, body),
    (e: unknown) => send(res, 500, { message: `Unable to generate metadata: ${(e as Error).message}` }),
  );
}

function credentials(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, id: string, relative: boolean): void {
  const found = ctx.backends.ecs.endpoints.credentials(id);
  if (!found) return send(res, 400, { code: "InvalidIdInRequest", message: "CredentialsV2Request: Credentials not found" });
  // A full URI comes with its token; the relative one, at 169.254.170.2:80 only, needs none (as on ECS).
  const auth = req.headers.authorization;
  if (auth !== undefined ? auth !== found.token : !relative) return send(res, 401, { code: "AccessDenied", message: "CredentialsV2Request: the authorization token does not match the task's" });
  if (found.expiration <= ctx.now()) return send(res, 400, { code: "NoCredentialsAssociated", message: "CredentialsV2Request: Credentials expired" });
  send(res, 200, credentialsDocument(found));
}

/** The facts beyond ECS's state: the engine's containers, and the subnet and VPC from EC2's operations. */
export async function gatherFacts(ctx: Pick<RouteContext, "backends" | "runtime" | "now">, v: TaskView): Promise<MetadataFacts> {
  const containers = (await ctx.runtime().inspect?.(v.task.taskArn!)) ?? new Map();
  const out: MetadataFacts = { containers, now: ctx.now() };
  const { client } = ctx.backends;
  const request: RequestContext = { accountId: v.accountId, region: v.region, requestId: randomUUID() };
  const loading = client.load("ec2", ["DescribeSubnets", "DescribeInstances"]);
  if (loading) await loading;
  const subnetId = v.task.attachments?.find((a) => a.type === "ElasticNetworkInterface")?.details?.find((d) => d.name === "subnetId")?.value;
  try {
    if (subnetId) out.subnetCidr = client.call("ec2", "DescribeSubnets", { SubnetIds: [subnetId] }, request).Subnets?.[0]?.CidrBlock;
  } catch {
    /* a subnet EC2 does not know: the document leaves its block out */
  }
  try {
    const instanceId = v.instance?.ec2InstanceId;
    if (instanceId) out.vpcId = client.call("ec2", "DescribeInstances", { InstanceIds: [instanceId] }, request).Reservations?.[0]?.Instances?.[0]?.VpcId;
  } catch {
    /* an instance registered by hand, unknown to EC2: no VPC */
  }
  return out;
}

async function metadata(ctx: RouteContext, version: MetadataVersion, id: string, sub: string): Promise<[number, unknown]> {
  const v = ctx.backends.ecs.endpoints.task(id.slice(0, 32));
  const container = v?.task.containers?.find((c) => endpointId(v.task.taskArn!, c.name!) === id);
  if (!v || !container) return [404, { message: `V${version} metadata handler: unable to find a task and container for endpoint ${id}` }];
  if (sub === "/stats" || sub === "/task/stats") {
    const stats = (await ctx.runtime().stats?.(v.task.taskArn!)) ?? new Map<string, unknown>();
    const rated = version === 4 && v.td.networkMode !== "host" ? withNetworkRates(stats, ctx.samples) : stats;
    if (sub === "/stats") return [200, rated.get(container.name!) ?? null];
    const facts = (await ctx.runtime().inspect?.(v.task.taskArn!)) ?? new Map();
    return [200, Object.fromEntries([...rated].map(([name, s]) => [facts.get(name)?.dockerId ?? name, s]))];
  }
  const f = await gatherFacts(ctx, v);
  if (sub === "") return [200, containerDocument(v, container, version, f)];
  const doc = taskDocument(v, version, f);
  if (sub === "/taskWithTags" && version === 4) Object.assign(doc, await tags(ctx, v));
  return [200, doc];
}

async function tags(ctx: RouteContext, v: TaskView): Promise<Record<string, unknown>> {
  const { client } = ctx.backends;
  const loading = client.load("ecs", ["ListTagsForResource"]);
  if (loading) await loading;
  const request: RequestContext = { accountId: v.accountId, region: v.region, requestId: randomUUID() };
  const read = (arn: string): Record<string, string> => Object.fromEntries((client.call("ecs", "ListTagsForResource", { resourceArn: arn }, request).tags ?? []).map((t: { key: string; value: string }) => [t.key, t.value]));
  return { TaskTags: read(v.task.taskArn!), ...(v.instance ? { ContainerInstanceTags: read(v.instance.containerInstanceArn!) } : {}) };
}

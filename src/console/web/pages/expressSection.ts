// An Express service on its service page: its endpoint, and what ECS made and manages for it (from the
// service revision's ecsManagedResources), each with its status.
import type { App } from "../app.js";
import { badge, h, link, section, shortId, table } from "../dom.js";
import type { Service } from "../../../services/ecs/generated/types.js";

export async function expressSection(app: App, s: Service): Promise<HTMLElement | undefined> {
  if (s.resourceManagementType !== "ECS") return undefined;
  const x = (await app.ecs.call("DescribeExpressGatewayService", { serviceArn: s.serviceArn! })).service;
  const config = x?.activeConfigurations?.[x.activeConfigurations.length - 1];
  const revisionArn = config?.serviceRevisionArn;
  const revision = revisionArn ? (await app.ecs.call("DescribeServiceRevisions", { serviceRevisionArns: [revisionArn] })).serviceRevisions?.[0] : undefined;
  const m = revision?.ecsManagedResources;
  const path = m?.ingressPaths?.[0];
  const rows: [string, string, HTMLElement][] = [];
  const add = (kind: string, arn: string | undefined, status: string | undefined) => arn && rows.push([kind, shortId(arn), badge(status)]);
  add("Load balancer", path?.loadBalancer?.arn, path?.loadBalancer?.status);
  for (const g of path?.loadBalancerSecurityGroups ?? []) add("Load balancer security group", g.arn, g.status);
  add("Listener", path?.listener?.arn, path?.listener?.status);
  add("Listener rule", path?.rule?.arn, path?.rule?.status);
  for (const g of path?.targetGroups ?? []) add("Target group", g.arn, g.status);
  add("Certificate", path?.certificate?.arn, path?.certificate?.status);
  for (const g of m?.serviceSecurityGroups ?? []) add("Service security group", g.arn, g.status);
  add("Scalable target", m?.autoScaling?.scalableTarget?.arn, m?.autoScaling?.scalableTarget?.status);
  for (const p of m?.autoScaling?.applicationAutoScalingPolicies ?? []) add("Scaling policy", p.arn, p.status);
  for (const g of m?.logGroups ?? []) add("Log group", g.logGroupName, g.status);
  const endpoint = path?.endpoint ?? config?.ingressPaths?.[0]?.endpoint;
  return section(
    "svc-express",
    "Express service",
    h("p", {}, "Endpoint: ", endpoint ? link(endpoint, endpoint) : "—", ` (${path?.accessType ?? config?.ingressPaths?.[0]?.accessType ?? "—"})`, " · status ", badge(x?.status?.statusCode)),
    table("Resources ECS manages for the Express service", ["Resource", "Name", "Status"], rows, "No managed resources."),
  );
}

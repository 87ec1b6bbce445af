// Which resource a tagging ARN names, and whether it exists in this account and region.
import { ClusterNotFoundException, InvalidParameterException } from "../generated/errors.js";
import type { AwsError } from "../../../protocol/errors.js";
import type { EcsState } from "../store.js";
import { parseArn } from "./arn.js";

/** Resource types ECS tags. */
const TAGGABLE = new Set(["cluster", "container-instance", "task", "service", "task-set", "task-definition", "capacity-provider", "daemon", "daemon-task-definition"]);

/** Types whose ARN exists in a short form (without the cluster) that tagging refuses. */
const LONG_FORM = new Set(["container-instance", "task", "service"]);

/**
 * Checks that `resourceArn` names an existing taggable resource; `notFound` makes the error for one
 * that does not exist (ResourceNotFoundException where the operation may answer it).
 */
export function checkTaggable(state: EcsState, resourceArn: string, notFound: () => AwsError): void {
  const p = parseArn(resourceArn);
  if (!p) throw new InvalidParameterException("The ARN provided is invalid.");
  if (!TAGGABLE.has(p.type)) throw new InvalidParameterException(`Unsupported resource type: ${p.type}`);
  const parts = p.path.split("/");
  if (LONG_FORM.has(p.type) && parts.length !== 2) throw new InvalidParameterException("Long arn format must be used for tagging operations");
  const here = p.accountId === state.accountId && p.region === state.region;
  if (p.type === "task-set") {
    // task-set/<cluster>/<service>/<id>, where the id itself is "ecs-svc/<digits>"
    const rec = here && parts.length >= 3 ? state.clusters.get(parts[0]) : undefined;
    if (!rec || rec.cluster.status === "INACTIVE") throw new ClusterNotFoundException("Cluster not found.");
    const id = parts.slice(2).join("/");
    const s = rec.services.get(parts[1])?.service;
    if (!s || s.status === "INACTIVE" || !(s.taskSets ?? []).some((ts) => ts.id === id)) throw notFound();
    return;
  }
  if (p.type === "cluster" || LONG_FORM.has(p.type)) {
    const rec = here ? state.clusters.get(parts[0]) : undefined;
    if (rec?.cluster.status === "INACTIVE" && p.type === "cluster") throw new InvalidParameterException("The specified cluster is inactive. Specify an active cluster and try again.");
    if (!rec || rec.cluster.status === "INACTIVE") throw new ClusterNotFoundException("Cluster not found.");
    const found =
      p.type === "cluster" ? parts.length === 1 : p.type === "task" ? rec.tasks.has(parts[1]) : p.type === "service" ? rec.services.has(parts[1]) : rec.instances.has(parts[1]);
    if (!found) throw notFound();
    return;
  }
  if (p.type === "task-definition") {
    const colon = p.path.lastIndexOf(":");
    const revisions = here && colon > 0 ? state.taskDefinitions.get(p.path.slice(0, colon)) : undefined;
    const td = revisions?.[Number(p.path.slice(colon + 1)) - 1];
    if (!td || td.status === "DELETE_IN_PROGRESS") throw notFound();
    return;
  }
  if (p.type === "daemon") {
    const d = here ? state.daemons.get(resourceArn) : undefined;
    if (!d || d.deleted) throw notFound();
    return;
  }
  if (p.type === "daemon-task-definition") {
    const colon = p.path.lastIndexOf(":");
    const dtd = here && colon > 0 ? state.daemonTaskDefinitions.get(p.path.slice(0, colon))?.[Number(p.path.slice(colon + 1)) - 1] : undefined;
    if (!dtd || dtd.status !== "ACTIVE") throw notFound();
    return;
  }
  if (p.type === "capacity-provider") {
    const cp = here ? state.capacityProviders.get(p.path) : undefined;
    if (!cp || cp.status === "INACTIVE") throw notFound();
    return;
  }
  throw notFound();
}

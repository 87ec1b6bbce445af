import type { Handler } from "../context.js";
import { InvalidParameterException, ServiceNotFoundException } from "../generated/errors.js";
import type { Task } from "../generated/types.js";
import { activeCluster } from "../domain/clusters.js";
import { nameFromRef } from "../domain/arn.js";
import { paginate } from "../domain/pagination.js";

export const listTasks: Handler<"ListTasks"> = (input, ctx) => {
  const rec = activeCluster(ctx.state, input.cluster);
  if (input.family && input.serviceName) throw new InvalidParameterException("Family and serviceName cannot both be specified.");
  const desired = input.desiredStatus ?? "RUNNING";
  const instanceId = input.containerInstance === undefined ? undefined : nameFromRef(input.containerInstance, "container-instance").split("/").pop();
  const familyPrefix = input.family === undefined ? undefined : `task-definition/${nameFromRef(input.family, "task-definition").split(":")[0]}:`;
  const serviceName = input.serviceName === undefined ? undefined : nameFromRef(input.serviceName, "service").split("/").pop()!;
  if (serviceName !== undefined && !rec.services.has(serviceName)) throw new ServiceNotFoundException("Service not found.");
  const group = serviceName === undefined ? undefined : `service:${serviceName}`;
  const keep = (t: Task): boolean =>
    // PENDING tasks are listed under RUNNING: their desired status is RUNNING.
    t.desiredStatus === desired &&
    (instanceId === undefined || t.containerInstanceArn?.endsWith(`/${instanceId}`) === true) &&
    (familyPrefix === undefined || t.taskDefinitionArn!.includes(familyPrefix)) &&
    (group === undefined || t.group === group) &&
    (input.startedBy === undefined || t.startedBy === input.startedBy) &&
    (input.launchType === undefined || t.launchType === input.launchType);
  const matching = function* () {
    for (const t of rec.tasks.values()) if (keep(t)) yield t.taskArn!;
  };
  const page = paginate(matching(), (arn) => arn, input.maxResults, input.nextToken);
  return { taskArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

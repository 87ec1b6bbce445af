import type { Handler } from "../context.js";
import { InvalidParameterException, ServiceNotFoundException } from "../generated/errors.js";
import type { Task } from "../generated/types.js";
import { activeCluster } from "../domain/clusters.js";
import { nameFromRef } from "../domain/arn.js";
import { checkMaxResults, sequenceFromToken, sequenceToken, takePage } from "../domain/pagination.js";

export const listTasks: Handler<"ListTasks"> = (input, ctx) => {
  const rec = activeCluster(ctx.state, input.cluster);
  checkFilterCombination(input);
  const size = checkMaxResults(input.maxResults);
  const after = sequenceFromToken(input.nextToken);
  const desired = input.desiredStatus ?? "RUNNING";
  const instanceId = input.containerInstance === undefined ? undefined : nameFromRef(input.containerInstance, "container-instance").split("/").pop();
  const familyPrefix = input.family === undefined ? undefined : `task-definition/${nameFromRef(input.family, "task-definition").split(":")[0]}:`;
  let group: string | undefined;
  if (input.serviceName !== undefined) {
    const serviceName = nameFromRef(input.serviceName, "service").split("/").pop()!;
    // A name the cluster has never had is an error; a deleted (INACTIVE) service still lists.
    if (!rec.services.has(serviceName)) throw new ServiceNotFoundException("Service not found.");
    group = `service:${serviceName}`;
  }
  // A managed daemon's tasks, by the daemon's name (or ARN).
  if (input.daemonName !== undefined) group = `daemon:${input.daemonName.split("/").pop()}`;
  const keep = (t: Task): boolean =>
    // PENDING tasks are listed under RUNNING: their desired status is RUNNING.
    t.desiredStatus === desired &&
    (instanceId === undefined || t.containerInstanceArn?.endsWith(`/${instanceId}`) === true) &&
    (familyPrefix === undefined || t.taskDefinitionArn!.includes(familyPrefix)) &&
    (group === undefined || t.group === group) &&
    (input.startedBy === undefined || t.startedBy === input.startedBy) &&
    (input.launchType === undefined || t.launchType === input.launchType);
  const matching = function* () {
    for (const t of rec.index.after(after)) if (keep(t)) yield t;
  };
  const page = takePage(matching(), size);
  const last = page.items[page.items.length - 1];
  return { taskArns: page.items.map((t) => t.taskArn!), ...(page.more ? { nextToken: sequenceToken(rec.index.seq(last)!) } : {}) };
};

/**
 * ECS refuses startedBy beside any other filter, and serviceName beside family or a container
 * instance; desiredStatus, paging and the cluster may always accompany them.
 */
function checkFilterCombination(input: { family?: string; serviceName?: string; containerInstance?: string; launchType?: string; startedBy?: string; daemonName?: string }): void {
  const { family, serviceName, containerInstance, launchType, startedBy, daemonName } = input;
  if (daemonName !== undefined && serviceName !== undefined) throw new InvalidParameterException("cannot specify daemonName with serviceName");
  if (startedBy !== undefined && [family, serviceName, containerInstance, launchType].some((v) => v !== undefined))
    throw new InvalidParameterException("cannot specify startedBy with other arguments");
  if (serviceName !== undefined && (family !== undefined || containerInstance !== undefined))
    throw new InvalidParameterException("cannot specify serviceName with other arguments");
}

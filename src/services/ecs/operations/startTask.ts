import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { Failure, Task } from "../generated/types.js";
import { activeCluster } from "../domain/clusters.js";
import { findInstance, missingInstance } from "../domain/containerInstances.js";
import { checkTags } from "../domain/tags.js";
import { resolveTaskDefinition } from "../domain/taskDefinitions.js";
import { familyGroup, launchTask } from "../domain/tasks.js";
import { available, shortfall, taskNeeds } from "../domain/resources.js";
import { checkLaunch } from "../scheduler/start.js";
import { checkNetworkResources } from "../domain/network.js";

// StartTask places one task on each named instance: no strategy, only whether it fits.
export const startTask: Handler<"StartTask"> = (input, ctx) => {
  const rec = activeCluster(ctx.state, input.cluster);
  if (input.containerInstances.length === 0) throw new InvalidParameterException("Container instances cannot be empty.");
  if (input.containerInstances.length > 10) throw new InvalidParameterException("instanceIds can have at most 10 items.");
  const td = resolveTaskDefinition(ctx.state, input.taskDefinition);
  checkLaunch(td, "EC2", input.networkConfiguration, input.overrides);
  checkNetworkResources(ctx.backend.peers, ctx.state, input.networkConfiguration);
  checkTags(input.tags);
  const needs = taskNeeds(td, input.overrides);
  const tasks: Task[] = [];
  const failures: Failure[] = [];
  for (const ref of input.containerInstances) {
    const ci = findInstance(ctx.state, rec, ref);
    if (!ci || ci.status === "INACTIVE") {
      failures.push(missingInstance(ctx.state, rec, ref));
      continue;
    }
    const lack = ci.status !== "ACTIVE" ? "INACTIVE" : shortfall(needs, available(ci, rec.dynamicPorts.get(ci.containerInstanceArn!.split("/").pop()!)));
    if (lack) {
      failures.push({ arn: ci.containerInstanceArn, reason: lack });
      continue;
    }
    tasks.push(
      launchTask(ctx, rec, {
        td,
        launchType: "EC2",
        needs,
        instance: ci,
        group: input.group ?? familyGroup(td.family!),
        startedBy: input.startedBy,
        overrides: input.overrides,
        networkConfiguration: input.networkConfiguration,
        enableExecuteCommand: input.enableExecuteCommand,
        tags: input.tags,
      }),
    );
  }
  return { tasks, failures };
};

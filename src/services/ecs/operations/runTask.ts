import type { Handler } from "../context.js";
import { familyGroup } from "../domain/tasks.js";
import { InvalidParameterException } from "../generated/errors.js";
import { activeCluster } from "../domain/clusters.js";
import { checkTags, tagsOf } from "../domain/tags.js";
import { resolveTaskDefinition } from "../domain/taskDefinitions.js";
import { checkLaunch, resolveLaunch, startTasks } from "../scheduler/start.js";
import { checkNetworkResources } from "../domain/network.js";

export const runTask: Handler<"RunTask"> = (input, ctx) => {
  const rec = activeCluster(ctx.state, input.cluster);
  const count = input.count ?? 1;
  if (count < 1 || count > 10) throw new InvalidParameterException("Count must be between 1 and 10.");
  const td = resolveTaskDefinition(ctx.state, input.taskDefinition);
  // RunTask words an inactive revision as InvalidParameterException (UpdateService as ClientException).
  if (td.status !== "ACTIVE") throw new InvalidParameterException("TaskDefinition is inactive");
  const launch = resolveLaunch(input.launchType, input.capacityProviderStrategy, rec, ctx.state);
  checkLaunch(td, launch.launchType, input.networkConfiguration, input.overrides);
  checkNetworkResources(ctx.backend.peers, ctx.state, input.networkConfiguration);
  // Tags propagated from the task definition come first; the request's own win on the same key.
  const tags = input.propagateTags === "TASK_DEFINITION" ? [...tagsOf(ctx.state, td.taskDefinitionArn!), ...(input.tags ?? [])] : input.tags;
  checkTags(tags);
  const result = startTasks(
    ctx,
    rec,
    {
      td,
      ...launch,
      group: input.group ?? familyGroup(td.family!),
      startedBy: input.startedBy,
      overrides: input.overrides,
      networkConfiguration: input.networkConfiguration,
      strategies: input.placementStrategy ?? [],
      constraints: input.placementConstraints ?? [],
      tags,
      platformVersion: input.platformVersion === "LATEST" ? undefined : input.platformVersion,
      enableExecuteCommand: input.enableExecuteCommand,
    },
    count,
  );
  if (result.noInstances) throw new InvalidParameterException("No Container Instances were found in your cluster.");
  return { tasks: result.tasks, failures: result.failures };
};

import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { Failure, Task } from "../generated/types.js";
import { activeCluster } from "../domain/clusters.js";
import { ecsArn } from "../domain/arn.js";
import { describeTask, findTask } from "../domain/tasks.js";

export const describeTasks: Handler<"DescribeTasks"> = (input, ctx) => {
  if (input.tasks.length === 0) throw new InvalidParameterException("Tasks cannot be empty.");
  if (input.tasks.length > 100) throw new InvalidParameterException("taskIds can have at most 100 items.");
  const rec = activeCluster(ctx.state, input.cluster);
  const withTags = input.include?.includes("TAGS") ?? false;
  const tasks: Task[] = [];
  const failures: Failure[] = [];
  for (const ref of input.tasks) {
    const task = findTask(rec, ref);
    if (task) tasks.push(describeTask(ctx.state, task, withTags));
    else failures.push({ arn: ref.startsWith("arn:") ? ref : ecsArn(ctx.state, `task/${rec.cluster.clusterName}/${ref}`), reason: "MISSING" });
  }
  return { tasks, failures };
};

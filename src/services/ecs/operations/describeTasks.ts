import type { Handler } from "../context.js";
import { JsonText } from "../../../protocol/json.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { DescribeTasksResponse, Failure, Task } from "../generated/types.js";
import { activeCluster } from "../domain/clusters.js";
import { ecsArn } from "../domain/arn.js";
import { describeTask, findTask } from "../domain/tasks.js";

const OPEN = Buffer.from('{"tasks":[');

// The call every waiter polls: answered from each task's cached JSON when tags are not asked for.
export const describeTasks: Handler<"DescribeTasks"> = (input, ctx) => {
  // The cluster is checked before the list, as DescribeContainerInstances does.
  const rec = activeCluster(ctx.state, input.cluster);
  if (input.tasks.length === 0) throw new InvalidParameterException("Tasks cannot be empty.");
  if (input.tasks.length > 100) throw new InvalidParameterException("taskIds can have at most 100 items.");
  const withTags = input.include?.includes("TAGS") ?? false;
  const tasks: Task[] = [];
  const failures: Failure[] = [];
  for (const ref of input.tasks) {
    const task = findTask(rec, ref);
    if (task) tasks.push(task);
    else failures.push({ arn: ref.startsWith("arn:") ? ref : ecsArn(ctx.state, `task/${rec.cluster.clusterName}/${ref}`), reason: "MISSING" });
  }
  if (withTags) return { tasks: tasks.map((t) => describeTask(ctx.state, t, true)), failures };
  const chunks: Buffer[] = [OPEN];
  // Each task's bytes begin with the comma that separates it from the one before: the first goes without it.
  tasks.forEach((t, i) => {
    const listed = ctx.backend.taskJson.get(t);
    chunks.push(i === 0 ? listed.subarray(1) : listed);
  });
  chunks.push(Buffer.from(`],"failures":${JSON.stringify(failures)}}`));
  return new JsonText<DescribeTasksResponse>({ tasks, failures }, chunks);
};

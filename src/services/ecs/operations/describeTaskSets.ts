import type { Handler } from "../context.js";
import type { Failure, TaskSet } from "../generated/types.js";
import { activeCluster } from "../domain/clusters.js";
import { isArn } from "../domain/arn.js";
import { activeService } from "../domain/services.js";
import { checkHasTaskSets, describeTaskSet, findTaskSet, taskSetArn } from "../domain/taskSets.js";

export const describeTaskSets: Handler<"DescribeTaskSets"> = (input, ctx) => {
  const { state } = ctx;
  const rec = activeCluster(state, input.cluster);
  const sr = activeService(state, rec, input.service);
  checkHasTaskSets(sr.service);
  const include = input.include ?? [];
  if (input.taskSets === undefined) return { taskSets: (sr.service.taskSets ?? []).map((ts) => describeTaskSet(state, ts, include)), failures: [] };
  const taskSets: TaskSet[] = [];
  const failures: Failure[] = [];
  for (const ref of input.taskSets) {
    const ts = findTaskSet(state, sr, ref);
    if (ts) taskSets.push(describeTaskSet(state, ts, include));
    else failures.push({ arn: isArn(ref) ? ref : taskSetArn(state, sr.service, ref), reason: "MISSING" });
  }
  return { taskSets, failures };
};

import type { Handler } from "../context.js";
import { findStack } from "../domain/stacks.js";
import { detailResource } from "../domain/resources.js";
import { validation } from "../template/errors.js";

export const describeStackResource: Handler<"DescribeStackResource"> = (input, { state }) => {
  const rec = findStack(state, input.StackName);
  const r = rec.resources.get(input.LogicalResourceId);
  if (!r) throw validation(`Resource ${input.LogicalResourceId} does not exist for stack ${input.StackName}`);
  return { StackResourceDetail: detailResource(rec, r) };
};

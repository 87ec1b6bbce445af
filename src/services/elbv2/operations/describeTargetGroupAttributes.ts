import type { Handler } from "../context.js";
import { attributeList } from "../domain/attributes.js";
import { getTargetGroup } from "../domain/lookup.js";

export const describeTargetGroupAttributes: Handler<"DescribeTargetGroupAttributes"> = (input, ctx) => ({
  Attributes: attributeList(getTargetGroup(ctx.state, input.TargetGroupArn).attributes),
});

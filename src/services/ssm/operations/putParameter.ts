import type { Handler } from "../context.js";
import { scheduleImageWrite } from "../domain/imageWrites.js";
import { appendVersion, planPut } from "../domain/put.js";

export const putParameter: Handler<"PutParameter"> = (input, ctx) => {
  const plan = planPut(input, ctx);
  if (plan.version.dataType === "aws:ec2:image") scheduleImageWrite(ctx, plan);
  else appendVersion(ctx.state, plan);
  return { Version: plan.version.version, Tier: plan.version.tier };
};

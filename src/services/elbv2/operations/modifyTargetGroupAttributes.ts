import type { Handler } from "../context.js";
import { applyAttributes, attributeList } from "../domain/attributes.js";
import { getTargetGroup } from "../domain/lookup.js";

/** A new deregistration delay applies to targets deregistered from now on. */
export const modifyTargetGroupAttributes: Handler<"ModifyTargetGroupAttributes"> = (input, ctx) => {
  const rec = getTargetGroup(ctx.state, input.TargetGroupArn);
  applyAttributes(rec.attributes, input.Attributes);
  return { Attributes: attributeList(rec.attributes) };
};

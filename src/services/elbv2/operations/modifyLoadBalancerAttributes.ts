import type { Handler } from "../context.js";
import { applyAttributes, attributeList } from "../domain/attributes.js";
import { getLoadBalancer } from "../domain/lookup.js";

/** Answers every attribute after the change, as AWS does. */
export const modifyLoadBalancerAttributes: Handler<"ModifyLoadBalancerAttributes"> = (input, ctx) => {
  const rec = getLoadBalancer(ctx.state, input.LoadBalancerArn);
  applyAttributes(rec.attributes, input.Attributes);
  return { Attributes: attributeList(rec.attributes) };
};

import type { Handler } from "../context.js";
import { findInstances } from "../domain/instanceIds.js";
import { modifyInstance } from "../domain/instanceChanges.js";

export const modifyInstanceAttribute: Handler<"ModifyInstanceAttribute"> = (input, ctx) => {
  const [rec] = findInstances(ctx.state, [input.InstanceId]);
  rec.settings ??= { disableApiTermination: false, disableApiStop: false, shutdownBehavior: "stop" };
  modifyInstance(ctx.state, rec, input);
  return {};
};

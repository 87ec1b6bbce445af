import type { Handler } from "../context.js";
import { discover } from "../domain/instances.js";

/** By namespace and service name; healthy instances unless asked otherwise. */
export const discoverInstances: Handler<"DiscoverInstances"> = (input, ctx) => {
  const { instances, revision } = discover(ctx.state, input);
  return { Instances: instances, InstancesRevision: revision };
};

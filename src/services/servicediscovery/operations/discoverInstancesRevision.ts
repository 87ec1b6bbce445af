import type { Handler } from "../context.js";
import { findByNames } from "../domain/instances.js";

export const discoverInstancesRevision: Handler<"DiscoverInstancesRevision"> = (input, ctx) => ({ InstancesRevision: findByNames(ctx.state, input.NamespaceName, input.ServiceName).sr.revision });

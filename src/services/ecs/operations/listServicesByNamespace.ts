import type { EcsContext, Handler } from "../context.js";
import type { ListServicesByNamespaceRequest, ListServicesByNamespaceResponse } from "../generated/types.js";
import { findNamespace } from "../domain/cloudMap.js";
import { paginate } from "../domain/pagination.js";
import { whenServiceConnect } from "../domain/serviceConnect.js";

/** A namespace reference matches the name or ARN a service's Service Connect configuration gave, or the same Cloud Map namespace. */
function matcher(ctx: EcsContext, ref: string): (configured: string | undefined) => boolean {
  const arn = findNamespace(ctx.backend, ctx.state, ref)?.arn;
  return (configured) => {
    if (!configured) return false;
    if (configured === ref || configured.split("/").pop() === ref.split("/").pop()) return true;
    return arn !== undefined && findNamespace(ctx.backend, ctx.state, configured)?.arn === arn;
  };
}

export const listServicesByNamespace: Handler<"ListServicesByNamespace"> = (input, ctx) => whenServiceConnect(ctx, true, () => list(input, ctx));

function list(input: ListServicesByNamespaceRequest, ctx: EcsContext): ListServicesByNamespaceResponse {
  const matches = matcher(ctx, input.namespace);
  const arns = function* () {
    for (const rec of ctx.state.clusters.values()) {
      for (const { service: s } of rec.services.values()) {
        if (s.status !== "ACTIVE") continue;
        const connect = s.deployments?.[0]?.serviceConnectConfiguration;
        if (connect?.enabled && matches(connect.namespace || rec.cluster.serviceConnectDefaults?.namespace)) yield s.serviceArn!;
      }
    }
  };
  const page = paginate(arns(), (arn) => arn, input.maxResults ?? 10, input.nextToken);
  return { serviceArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}

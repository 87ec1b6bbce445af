import type { Handler } from "../context.js";
import { paginate } from "../domain/pagination.js";

/** A namespace reference matches the name or ARN a service's Service Connect configuration gave. */
function matches(configured: string | undefined, ref: string): boolean {
  if (!configured) return false;
  return configured === ref || configured.split("/").pop() === ref.split("/").pop();
}

export const listServicesByNamespace: Handler<"ListServicesByNamespace"> = (input, ctx) => {
  const arns = function* () {
    for (const rec of ctx.state.clusters.values()) {
      for (const { service: s } of rec.services.values()) {
        if (s.status !== "ACTIVE") continue;
        const connect = s.deployments?.[0]?.serviceConnectConfiguration;
        if (connect?.enabled && matches(connect.namespace ?? rec.cluster.serviceConnectDefaults?.namespace, input.namespace)) yield s.serviceArn!;
      }
    }
  };
  const page = paginate(arns(), (arn) => arn, input.maxResults ?? 10, input.nextToken);
  return { serviceArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

// Service Connect defaults of a cluster. ecs-local has no Cloud Map, so a namespace given by name
// stands for a namespace whose ARN is derived from the name: the same name always gives the same ARN.
import { createHash } from "node:crypto";
import type { ClusterServiceConnectDefaults, ClusterServiceConnectDefaultsRequest } from "../generated/types.js";
import type { EcsState } from "../store.js";

export function namespaceArn(state: EcsState, namespace: string): string {
  if (namespace.startsWith("arn:")) return namespace;
  const digest = createHash("sha256").update(`${state.accountId}/${state.region}/${namespace}`).digest();
  const id = [...digest.subarray(0, 16)].map((b) => "abcdefghijklmnopqrstuvwxyz234567"[b % 32]).join("");
  return `arn:aws:servicediscovery:${state.region}:${state.accountId}:namespace/ns-${id}`;
}

/** The defaults a request asks for; an empty namespace removes them. */
export function serviceConnectDefaults(state: EcsState, req: ClusterServiceConnectDefaultsRequest): ClusterServiceConnectDefaults | undefined {
  return req.namespace ? { namespace: namespaceArn(state, req.namespace) } : undefined;
}

// Tagging the routing and addressing resources: each must exist, else its type's NotFound error.
import type { Ec2State } from "../context.js";
import { networkErrors } from "./networkErrors.js";

const CHECKS: Record<string, (state: Ec2State, id: string) => Error | undefined> = {
  "internet-gateway": (s, id) => (s.internetGateways.has(id) ? undefined : networkErrors.internetGatewayNotFound(id)),
  "route-table": (s, id) => (s.routeTables.has(id) ? undefined : networkErrors.routeTableNotFound(id)),
  "elastic-ip": (s, id) => (s.addresses.has(id) ? undefined : networkErrors.allocationNotFound(id)),
  natgateway: (s, id) => (s.natGateways.has(id) ? undefined : networkErrors.natGatewayNotFound(id)),
  "network-acl": (s, id) => (s.networkAcls.has(id) ? undefined : networkErrors.networkAclNotFound(id)),
  "security-group-rule": (s, id) => (s.securityGroupRules.has(id) ? undefined : networkErrors.ruleNotFound(id)),
};

/** True when `id` is an existing resource of one of these types; throws its NotFound error when it is not; false for other types. */
export function networkResourceExists(state: Ec2State, type: string, id: string): boolean {
  const check = CHECKS[type];
  if (!check) return false;
  const err = check(state, id);
  if (err) throw err;
  return true;
}

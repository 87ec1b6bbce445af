import type { Handler, RoleRecord, UserRecord } from "../context.js";
import { bySeq } from "../domain/entities.js";
import { page } from "../domain/paging.js";
import { findPolicy } from "../domain/policies.js";

type Entity = { kind: "user"; e: UserRecord } | { kind: "role"; e: RoleRecord };

/**
 * The users and roles the policy is attached to (PermissionsPolicy) or bounds (PermissionsBoundary),
 * users first, each in creation order; there are no groups. EntityFilter LocalManagedPolicy or
 * AWSManagedPolicy keeps them only for a policy of that kind.
 */
export const listEntitiesForPolicy: Handler<"ListEntitiesForPolicy"> = (input, ctx) => {
  const { state } = ctx;
  const policy = findPolicy(state, input.PolicyArn);
  const arn = policy.arn;
  const uses = (e: UserRecord | RoleRecord): boolean =>
    (input.PolicyUsageFilter !== "PermissionsBoundary" && e.attached.includes(arn)) || (input.PolicyUsageFilter !== "PermissionsPolicy" && e.permissionsBoundary === arn);
  const filter = input.EntityFilter;
  const kindMatches = filter === undefined || (filter === "LocalManagedPolicy" ? policy.kind === "local" : filter === "AWSManagedPolicy" ? policy.kind === "aws" : true);
  const entities: Entity[] = kindMatches
    ? [
        ...(filter === "Role" || filter === "Group" ? [] : bySeq(state.users.values()).map((e): Entity => ({ kind: "user", e }))),
        ...(filter === "User" || filter === "Group" ? [] : bySeq(state.roles.values()).map((e): Entity => ({ kind: "role", e }))),
      ]
    : [];
  const chosen = entities.filter(({ e }) => uses(e) && (input.PathPrefix === undefined || e.path.startsWith(input.PathPrefix)));
  const { items, ...more } = page(chosen, input.Marker, input.MaxItems);
  return {
    PolicyGroups: [],
    PolicyUsers: items.flatMap((x) => (x.kind === "user" ? [{ UserName: x.e.name, UserId: x.e.id }] : [])),
    PolicyRoles: items.flatMap((x) => (x.kind === "role" ? [{ RoleName: x.e.name, RoleId: x.e.id }] : [])),
    ...more,
  };
};

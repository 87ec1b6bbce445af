import type { Handler, RoleRecord } from "../context.js";
import { EntityAlreadyExistsException } from "../generated/errors.js";
import { roleArn } from "../domain/arns.js";
import { keyOf, nextSeq, nowSeconds } from "../domain/entities.js";
import { uniqueId } from "../domain/ids.js";
import { setBoundary } from "../domain/policyHolders.js";
import { checkTrustPolicy, roleView } from "../domain/roles.js";
import { checkNewTags } from "../domain/tags.js";

/** The trust policy is checked as a policy document and kept as given; MaxSessionDuration is 3600 unless set. */
export const createRole: Handler<"CreateRole"> = (input, ctx) => {
  const { state } = ctx;
  checkTrustPolicy(input.AssumeRolePolicyDocument);
  checkNewTags(input.Tags);
  const key = keyOf(input.RoleName);
  if (state.roles.has(key)) throw new EntityAlreadyExistsException(`Role with name ${input.RoleName} already exists.`);
  const path = input.Path ?? "/";
  const role: RoleRecord = {
    seq: 0,
    name: input.RoleName,
    path,
    id: uniqueId(ctx.backend.ids, "AROA"),
    arn: roleArn(state.accountId, path, input.RoleName),
    createDate: nowSeconds(ctx),
    trustPolicy: input.AssumeRolePolicyDocument,
    maxSessionDuration: input.MaxSessionDuration ?? 3600,
    tags: (input.Tags ?? []).map((t) => ({ ...t })),
    inline: new Map(),
    attached: [],
  };
  if (input.Description !== undefined) role.description = input.Description;
  // Last of the checks: it counts the boundary's use once it passes.
  if (input.PermissionsBoundary !== undefined) setBoundary(state, role, input.PermissionsBoundary);
  role.seq = nextSeq(state);
  state.roles.set(key, role);
  return { Role: roleView(role, "create") };
};

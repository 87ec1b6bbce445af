import { commonErrors } from "../../../protocol/errors.js";
import type { Handler, RoleRecord } from "../context.js";
import { InvalidInputException } from "../generated/errors.js";
import { roleArn } from "../domain/arns.js";
import { keyOf, nextSeq, nowSeconds } from "../domain/entities.js";
import { uniqueId } from "../domain/ids.js";
import { countUse, findPolicy } from "../domain/policies.js";
import { roleView } from "../domain/roles.js";
import { LINKED_SERVICES, linkedPath, linkedTrustPolicy } from "../domain/serviceLinkedRoles.js";

/** The service's role under /aws-service-role/<service>/, trusting the service, with its managed policy attached. */
export const createServiceLinkedRole: Handler<"CreateServiceLinkedRole"> = (input, ctx) => {
  const { state } = ctx;
  const service = input.AWSServiceName;
  const linked = LINKED_SERVICES[service];
  if (!linked) throw commonErrors.unsupported(`ecs-local does not make the service-linked role of ${service}; it makes those of ${Object.keys(LINKED_SERVICES).join(", ")}.`);
  if (input.CustomSuffix !== undefined && !linked.suffix) throw new InvalidInputException(`Custom suffix is not allowed for ${service}`);
  const name = input.CustomSuffix === undefined ? linked.roleName : `${linked.roleName}_${input.CustomSuffix}`;
  const key = keyOf(name);
  if (state.roles.has(key)) throw new InvalidInputException(`Service role name ${name} has been taken in this account, please try a different suffix.`);
  const path = linkedPath(service);
  const role: RoleRecord = {
    seq: nextSeq(state),
    name,
    path,
    id: uniqueId(ctx.backend.ids, "AROA"),
    arn: roleArn(state.accountId, path, name),
    createDate: nowSeconds(ctx),
    trustPolicy: linkedTrustPolicy(service),
    maxSessionDuration: 3600,
    tags: [],
    inline: new Map(),
    attached: [linked.policy],
    linkedService: service,
  };
  if (input.Description !== undefined) role.description = input.Description;
  countUse(state, findPolicy(state, linked.policy), "attachments", 1);
  state.roles.set(key, role);
  return { Role: roleView(role, "create") };
};

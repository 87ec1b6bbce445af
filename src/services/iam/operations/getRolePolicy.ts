import type { Handler } from "../context.js";
import { encodeDocument } from "../domain/documents.js";
import { notFound } from "../domain/errors.js";
import { findRole } from "../domain/roles.js";

export const getRolePolicy: Handler<"GetRolePolicy"> = (input, ctx) => {
  const role = findRole(ctx.state, input.RoleName);
  const doc = role.inline.get(input.PolicyName);
  if (doc === undefined) throw notFound.rolePolicy(input.PolicyName);
  return { RoleName: role.name, PolicyName: input.PolicyName, PolicyDocument: encodeDocument(doc) };
};

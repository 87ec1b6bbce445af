import type { Handler } from "../context.js";
import { commonErrors } from "../../../protocol/errors.js";
import { findKey, keyHolder } from "../domain/accessKeys.js";

/** An inactive key signs nothing until it is active again. */
export const updateAccessKey: Handler<"UpdateAccessKey"> = (input, ctx) => {
  const key = findKey(keyHolder(ctx, input.UserName, input.AccessKeyId), input.AccessKeyId);
  if (input.Status === "Expired") throw commonErrors.validation("1 validation error detected: Value 'Expired' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]");
  key.status = input.Status;
  return {};
};

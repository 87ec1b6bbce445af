import type { Handler } from "../context.js";
import { encodeDocument } from "../domain/documents.js";
import { notFound } from "../domain/errors.js";
import { findUser } from "../domain/users.js";

export const getUserPolicy: Handler<"GetUserPolicy"> = (input, ctx) => {
  const user = findUser(ctx.state, input.UserName);
  const doc = user.inline.get(input.PolicyName);
  if (doc === undefined) throw notFound.userPolicy(input.PolicyName);
  return { UserName: user.name, PolicyName: input.PolicyName, PolicyDocument: encodeDocument(doc) };
};

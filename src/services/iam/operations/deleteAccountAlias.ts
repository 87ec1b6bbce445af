import type { Handler } from "../context.js";
import { NoSuchEntityException } from "../generated/errors.js";

export const deleteAccountAlias: Handler<"DeleteAccountAlias"> = (input, ctx) => {
  const { aliases } = ctx.state;
  const i = aliases.indexOf(input.AccountAlias);
  if (i < 0) throw new NoSuchEntityException(`The account alias ${input.AccountAlias} cannot be found.`);
  aliases.splice(i, 1);
  return {};
};

import type { Handler } from "../context.js";
import { EntityAlreadyExistsException, LimitExceededException } from "../generated/errors.js";

/** One alias an account. */
export const createAccountAlias: Handler<"CreateAccountAlias"> = (input, ctx) => {
  const { aliases } = ctx.state;
  if (aliases.includes(input.AccountAlias)) throw new EntityAlreadyExistsException(`The account alias ${input.AccountAlias} already exists.`);
  if (aliases.length >= 1) throw new LimitExceededException("Cannot exceed quota for AccountAliasesPerAccount: 1");
  aliases.push(input.AccountAlias);
  return {};
};

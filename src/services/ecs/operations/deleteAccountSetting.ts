import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import { effectiveSetting, principalOf, settingOf } from "../domain/accountSettings.js";

/** Answers with the setting it removed; when the principal had none of its own, with the one that applies. */
export const deleteAccountSetting: Handler<"DeleteAccountSetting"> = (input, { state }) => {
  if (input.name === "guardDutyActivate") throw new InvalidParameterException("guardDutyActivate is a read-only account setting.");
  const principal = principalOf(state, input.principalArn);
  const own = state.accountSettings.get(principal);
  const value = own?.get(input.name);
  if (value === undefined) return { setting: effectiveSetting(state, principal, input.name) };
  own!.delete(input.name);
  if (own!.size === 0) state.accountSettings.delete(principal);
  return { setting: settingOf(input.name, value, principal) };
};

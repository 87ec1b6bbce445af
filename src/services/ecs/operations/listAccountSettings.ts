import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import { effectiveSetting, explicitSettings, principalOf, SETTING_NAMES } from "../domain/accountSettings.js";
import { paginate } from "../domain/pagination.js";

export const listAccountSettings: Handler<"ListAccountSettings"> = (input, { state }) => {
  if (input.value !== undefined && input.name === undefined) {
    throw new InvalidParameterException("The value parameter can only be used together with the name parameter.");
  }
  const principal = principalOf(state, input.principalArn);
  let settings = input.effectiveSettings ? SETTING_NAMES.map((n) => effectiveSetting(state, principal, n)) : explicitSettings(state, principal);
  if (input.name !== undefined) settings = settings.filter((s) => s.name === input.name);
  if (input.value !== undefined) settings = settings.filter((s) => s.value === input.value);
  const page = paginate(settings, (s) => s.name!, input.maxResults, input.nextToken, 10);
  return { settings: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

import type { Handler } from "../context.js";
import { checkSetting, principalOf, settingOf, storeSetting } from "../domain/accountSettings.js";

export const putAccountSetting: Handler<"PutAccountSetting"> = (input, { state }) => {
  const principal = principalOf(state, input.principalArn);
  checkSetting(state, input.name, input.value, principal);
  storeSetting(state, principal, input.name, input.value);
  return { setting: settingOf(input.name, input.value, principal) };
};

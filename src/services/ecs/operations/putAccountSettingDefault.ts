import type { Handler } from "../context.js";
import { checkSetting, rootArn, settingOf, storeSetting } from "../domain/accountSettings.js";

/** The account default is the root user's setting, which every principal without its own inherits. */
export const putAccountSettingDefault: Handler<"PutAccountSettingDefault"> = (input, { state }) => {
  const root = rootArn(state);
  checkSetting(state, input.name, input.value, root);
  storeSetting(state, root, input.name, input.value);
  return { setting: settingOf(input.name, input.value, root) };
};

import type { Handler } from "../context.js";
import { asgErrors } from "../domain/errors.js";
import { findConfiguration, groupUsing } from "../domain/launchSource.js";

/** Refused while a group launches from it. */
export const deleteLaunchConfiguration: Handler<"DeleteLaunchConfiguration"> = (input, ctx) => {
  const name = findConfiguration(ctx.state, input.LaunchConfigurationName).LaunchConfigurationName;
  const user = groupUsing(ctx.state, name);
  if (user) throw asgErrors.configurationInUse(name, user.name);
  ctx.state.launchConfigurations.delete(name);
  return {};
};

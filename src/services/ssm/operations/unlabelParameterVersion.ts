import type { Handler } from "../context.js";
import { ownParameter, versionNotFound } from "../domain/find.js";
import { detachLabels } from "../domain/labels.js";

export const unlabelParameterVersion: Handler<"UnlabelParameterVersion"> = (input, ctx) => {
  const { name, record } = ownParameter(ctx.state, input.Name);
  const target = record.versions.find((v) => v.version === input.ParameterVersion);
  if (!target) throw versionNotFound(input.ParameterVersion, name);
  const { removed, invalid } = detachLabels(target, input.Labels);
  return { RemovedLabels: removed, InvalidLabels: invalid };
};

import type { Handler } from "../context.js";
import { ownParameter, versionNotFound } from "../domain/find.js";
import { attachLabels } from "../domain/labels.js";

export const labelParameterVersion: Handler<"LabelParameterVersion"> = (input, ctx) => {
  const { name, record } = ownParameter(ctx.state, input.Name);
  const number = input.ParameterVersion ?? record.versions[record.versions.length - 1].version;
  const target = record.versions.find((v) => v.version === number);
  if (!target) throw versionNotFound(number, name);
  const invalid = attachLabels(record, target, input.Labels);
  return { InvalidLabels: invalid, ParameterVersion: number };
};

import type { Handler } from "../context.js";
import { findGroup } from "../domain/groups.js";
import { InvalidParameterException } from "../generated/errors.js";

/** The only retention periods CloudWatch Logs accepts, in days. */
export const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

export const putRetentionPolicy: Handler<"PutRetentionPolicy"> = (input, ctx) => {
  if (!RETENTION_DAYS.includes(input.retentionInDays)) {
    throw new InvalidParameterException(
      `1 validation error detected: Value '${input.retentionInDays}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [${RETENTION_DAYS.join(", ")}]`,
    );
  }
  const g = findGroup(ctx.state, input.logGroupName);
  g.group.retentionInDays = input.retentionInDays;
  ctx.retain(g);
  return {};
};

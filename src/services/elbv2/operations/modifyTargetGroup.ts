import { commonErrors } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { getTargetGroup } from "../domain/lookup.js";
import { showTargetGroup } from "../domain/targetGroups.js";

const HTTP = new Set(["HTTP", "HTTPS"]);

/** The health check of a group; checked as a whole before anything changes. Running checks keep their pace. */
export const modifyTargetGroup: Handler<"ModifyTargetGroup"> = (input, ctx) => {
  const rec = getTargetGroup(ctx.state, input.TargetGroupArn);
  const tg = rec.tg;
  if (input.HealthCheckEnabled === false) throw commonErrors.validation(`Health check enabled must be true for target groups with target type '${tg.TargetType}'`);
  const protocol = input.HealthCheckProtocol ?? tg.HealthCheckProtocol!;
  if (HTTP.has(tg.Protocol!) && protocol === "TCP") throw commonErrors.validation("Health check protocol 'TCP' is not supported for target groups with protocol 'HTTP' or 'HTTPS'");
  const httpCheck = HTTP.has(protocol);
  if (!httpCheck && (input.HealthCheckPath !== undefined || input.Matcher !== undefined)) {
    throw commonErrors.validation(`Health check path and matcher are not supported for health check protocol '${protocol}'`);
  }
  const interval = input.HealthCheckIntervalSeconds ?? tg.HealthCheckIntervalSeconds!;
  const timeout = input.HealthCheckTimeoutSeconds ?? tg.HealthCheckTimeoutSeconds!;
  if (timeout >= interval) throw commonErrors.validation("Health check interval must be greater than the timeout.");
  tg.HealthCheckProtocol = protocol;
  tg.HealthCheckIntervalSeconds = interval;
  tg.HealthCheckTimeoutSeconds = timeout;
  if (input.HealthCheckPort !== undefined) tg.HealthCheckPort = input.HealthCheckPort;
  if (input.HealthyThresholdCount !== undefined) tg.HealthyThresholdCount = input.HealthyThresholdCount;
  if (input.UnhealthyThresholdCount !== undefined) tg.UnhealthyThresholdCount = input.UnhealthyThresholdCount;
  if (httpCheck) {
    tg.HealthCheckPath = input.HealthCheckPath ?? tg.HealthCheckPath ?? "/";
    tg.Matcher = input.Matcher ?? tg.Matcher ?? { HttpCode: "200" };
  } else {
    delete tg.HealthCheckPath;
    delete tg.Matcher;
  }
  return { TargetGroups: [showTargetGroup(ctx.state, rec)] };
};

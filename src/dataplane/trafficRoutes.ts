// The data plane's routes beside the API: GET /_ecs-local/elb/listeners (where each listener is
// reached on this machine) and POST /_ecs-local/target-health, which sets a registered target's
// health by hand — the simulated runtime's way, where nothing can be probed, to fail a target in a
// test. Body: {"targetGroupArn", "id", "port"?, "state": "unhealthy" | "healthy", "reason"?, "description"?}.
import type { ServerResponse } from "node:http";
import { protocolErrors } from "../protocol/errors.js";
import { jsonObjectBody, sendJson, sendJsonError } from "../protocol/json.js";
import type { Backends } from "../services/backends.js";
import type { TargetHealth } from "../services/elbv2/generated/types.js";
import type { DataPlane } from "./index.js";

const REASONS: Record<string, string> = {
  "Target.FailedHealthChecks": "Health checks failed",
  "Target.Timeout": "Request timed out",
  "Target.ResponseCodeMismatch": "Health checks failed with these codes: [500]",
};

export function listListeners(dataplane: DataPlane, res: ServerResponse, requestId: string): void {
  sendJson(res, 200, { listeners: dataplane.urls() }, requestId);
}

export function markTargetHealth(backends: Backends, text: unknown, res: ServerResponse, requestId: string): void {
  const body = jsonObjectBody(text, res, requestId);
  if (!body) return;
  const invalid = (m: string) => sendJsonError(res, protocolErrors.validation(m), requestId);
  const arn = typeof body.targetGroupArn === "string" ? body.targetGroupArn : "";
  const m = /^arn:[^:]+:elasticloadbalancing:([^:]+):(\d{12}):targetgroup\//.exec(arn);
  if (!m) return invalid("targetGroupArn must be a target group ARN.");
  if (typeof body.id !== "string" || !body.id) return invalid("id must name a registered target.");
  if (body.port !== undefined && !Number.isInteger(body.port)) return invalid("port must be a whole number.");
  if (body.state !== "unhealthy" && body.state !== "healthy") return invalid("state must be unhealthy or healthy.");
  const reason = typeof body.reason === "string" ? body.reason : "Target.FailedHealthChecks";
  if (body.state === "unhealthy" && !(reason in REASONS)) return invalid(`reason must be one of ${Object.keys(REASONS).join(", ")}.`);
  const health: TargetHealth =
    body.state === "healthy" ? { State: "healthy" } : { State: "unhealthy", Reason: reason as TargetHealth["Reason"], Description: typeof body.description === "string" ? body.description : REASONS[reason] };
  const [, region, accountId] = m;
  const done = backends.elbv2.traffic.mark(accountId, region, arn, body.id, body.port as number | undefined, health);
  if (!done) return invalid(`No target ${body.id}${body.port !== undefined ? `:${body.port}` : ""} is registered (and not draining) in ${arn}.`);
  sendJson(res, 200, { targetGroupArn: arn, id: body.id, ...(body.port !== undefined ? { port: body.port } : {}), targetHealth: health }, requestId);
}

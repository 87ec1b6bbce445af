// PUT /_ecs-local/utilization: states an ECS service's CPU and/or memory utilization, the metrics
// target tracking acts on, where the runtime has no load to measure. The body is JSON:
// {"cluster", "service", "cpu"?, "memory"?, "tasks"?, "accountId"?, "region"?}; the answer is what was
// stored, or an error in the awsJson form (ValidationException for a bad body or a missing service).
import type { ServerResponse } from "node:http";
import type { Config } from "../../config.js";
import { AwsError } from "../../protocol/errors.js";
import { JsonText, jsonObjectBody, sendJson, sendJsonError } from "../../protocol/json.js";
import type { ApplicationAutoScalingBackend, UtilizationInput } from "./context.js";

export async function putUtilization(config: Config, backend: ApplicationAutoScalingBackend, text: unknown, res: ServerResponse, requestId: string): Promise<void> {
  const body = jsonObjectBody(text, res, requestId);
  if (!body) return;
  const scope = {
    accountId: typeof body.accountId === "string" ? body.accountId : config.accountId,
    region: typeof body.region === "string" ? body.region : config.region,
  };
  const input = { cluster: body.cluster, service: body.service, cpu: body.cpu, memory: body.memory, tasks: body.tasks } as UtilizationInput;
  for (const key of Object.keys(input) as (keyof UtilizationInput)[]) if (input[key] === undefined) delete input[key];
  try {
    const out = await backend.setUtilization(input, { ...scope, requestId });
    sendJson(res, 200, out instanceof JsonText ? out.value : out, requestId);
  } catch (e) {
    if (e instanceof AwsError) return sendJsonError(res, e, requestId);
    throw e;
  }
}

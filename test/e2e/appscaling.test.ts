// Application Auto Scaling with the real `aws` CLI: an ECS service registered as a scalable target, a
// scheduled action that runs when the server's (manual) clock passes its time, and the activities.
import { afterAll, beforeAll, describe, expect } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { ecsService } from "../application-autoscaling/fixtures.js";
import { CALL_TIMEOUT_MS, orderedSteps } from "./budget.js";
import { clientEnv, cliPresent, awsCli } from "./tools.js";

let t: TestLocal;
if (!cliPresent) console.warn("skipping the aws CLI Application Auto Scaling test: no `aws` on PATH");

async function aws(...args: string[]): Promise<any> {
  const { stdout } = await awsCli(["application-autoscaling", ...args, "--endpoint-url", t.url, "--output", "json"], { timeout: CALL_TIMEOUT_MS, env: clientEnv() });
  return stdout.trim() ? JSON.parse(stdout) : {};
}

const target = ["--service-namespace", "ecs", "--scalable-dimension", "ecs:service:DesiredCount", "--resource-id", "service/shop/web"];

describe.skipIf(!cliPresent)("aws CLI: Application Auto Scaling", () => {
  beforeAll(async () => {
    t = await startLocal();
    await ecsService(t, "shop", "web", 1);
    t.advance(30_000);
  });
  afterAll(() => t?.close());

  const step = orderedSteps();

  step("registers the service and schedules a scale-out", 2, async () => {
    const out = await aws("register-scalable-target", ...target, "--min-capacity", "1", "--max-capacity", "10", "--tags", "environment=production");
    expect(out.ScalableTargetARN).toMatch(/^arn:aws:application-autoscaling:us-east-1:000000000000:scalable-target\/0ec5[0-9a-f]{32}$/);
    expect(await aws("put-scheduled-action", ...target, "--scheduled-action-name", "rush", "--schedule", "at(2026-01-01T08:00:00)", "--scalable-target-action", "MinCapacity=3,MaxCapacity=6")).toEqual({});
  });

  step("the action runs at its time and the activities say so", 1, async () => {
    t.advance(8 * 3_600_000);
    const { services } = await t.ecs("DescribeServices", { cluster: "shop", services: ["web"] });
    expect([services![0].desiredCount, services![0].runningCount]).toEqual([3, 3]);
    const { ScalingActivities } = await aws("describe-scaling-activities", "--service-namespace", "ecs", "--resource-id", "service/shop/web");
    expect(ScalingActivities.map((a: any) => [a.Description, a.Cause, a.StatusCode])).toEqual([
      ["Setting desired count to 3.", "minimum capacity was set to 3", "Successful"],
      ["Setting min capacity to 3 and max capacity to 6", "scheduled action name rush was triggered", "Successful"],
    ]);
  });
});

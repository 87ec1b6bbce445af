// --state-dir keeps Application Auto Scaling: targets with their tags, policies and scheduled actions
// come back after a restart, and a scheduled action whose time passed while the server was down runs
// at its time during the replay, moving the ECS service's desired count. The wall clock is faked
// (Date only: timers stay real) so that the downtime is a jump, not a wait.
import { describe, expect, it, vi } from "vitest";
import { type EcsLocalServer } from "../../src/index.js";
import { fargateTaskDefinition, SUBNETS } from "../helpers/fixtures.js";
import { stateDirServers } from "../helpers/stateDir.js";
import { tempDir } from "../helpers/tempDir.js";

const servers = stateDirServers();

async function start(stateDir: string): Promise<EcsLocalServer> {
  const s = await servers.start(stateDir);
  return s;
}

async function call(s: EcsLocalServer, op: string, body: object, prefix = "AnyScaleFrontendService"): Promise<any> {
  const r = await fetch(s.endpoint + "/", { method: "POST", headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": `${prefix}.${op}` }, body: JSON.stringify(body) });
  const json = await r.json();
  if (r.status !== 200) throw new Error(`${op}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}
const ecs = (s: EcsLocalServer, op: string, body: object) => call(s, op, body, "AmazonEC2ContainerServiceV20141113");
const web = { ServiceNamespace: "ecs", ResourceId: "service/shop/web", ScalableDimension: "ecs:service:DesiredCount" };

describe("--state-dir: Application Auto Scaling", () => {
  it("keeps targets, policies and scheduled actions, and runs an action due during the downtime at its time", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.UTC(2026, 5, 1, 12, 0, 0) });
    const dir = tempDir("ecs-local-state-");
    const a = await start(dir);
    await ecs(a, "CreateCluster", { clusterName: "shop" });
    await ecs(a, "RegisterTaskDefinition", fargateTaskDefinition("web"));
    await ecs(a, "CreateService", { cluster: "shop", serviceName: "web", taskDefinition: "web", desiredCount: 1, launchType: "FARGATE", networkConfiguration: SUBNETS });
    const { ScalableTargetARN } = await call(a, "RegisterScalableTarget", { ...web, MinCapacity: 1, MaxCapacity: 5, Tags: { team: "shop" } });
    const policy = await call(a, "PutScalingPolicy", { ...web, PolicyName: "cpu", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" } } });
    await call(a, "PutScheduledAction", { ...web, ScheduledActionName: "lunch", Schedule: "at(2026-06-01T13:00:00)", ScalableTargetAction: { MinCapacity: 3 } });
    const before = await call(a, "DescribeScheduledActions", { ServiceNamespace: "ecs" });
    await a.stop();

    vi.setSystemTime(Date.UTC(2026, 5, 1, 13, 5, 0));
    const b = await start(dir);
    const [target] = (await call(b, "DescribeScalableTargets", { ServiceNamespace: "ecs" })).ScalableTargets;
    expect([target.ScalableTargetARN, target.MinCapacity, target.MaxCapacity]).toEqual([ScalableTargetARN, 3, 5]);
    expect(await call(b, "ListTagsForResource", { ResourceARN: ScalableTargetARN })).toEqual({ Tags: { team: "shop" } });
    expect((await call(b, "DescribeScalingPolicies", { ServiceNamespace: "ecs" })).ScalingPolicies.map((p: any) => [p.PolicyARN, p.Alarms])).toEqual([[policy.PolicyARN, policy.Alarms]]);
    expect(await call(b, "DescribeScheduledActions", { ServiceNamespace: "ecs" })).toEqual(before);
    const lunch = Date.UTC(2026, 5, 1, 13, 0, 0) / 1000;
    const activities = (await call(b, "DescribeScalingActivities", { ServiceNamespace: "ecs" })).ScalingActivities;
    expect(activities.map((x: any) => [x.Description, x.Cause, x.StartTime])).toEqual([
      ["Setting desired count to 3.", "minimum capacity was set to 3", lunch],
      ["Setting min capacity to 3", "scheduled action name lunch was triggered", lunch],
    ]);
    const service = (await ecs(b, "DescribeServices", { cluster: "shop", services: ["web"] })).services[0];
    expect(service.desiredCount).toBe(3);
  }, 60_000);
});

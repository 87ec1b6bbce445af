// Target tracking on the server clock with a utilization stated through PUT /_ecs-local/utilization:
// three minutes above the target scale out in proportion, fifteen below 90 % of it scale in, and the
// activities and ECS's service events say so in AWS's words.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { counts, ECS, ecsService, events } from "./fixtures.js";

let t: TestLocal;
let aas: JsonCalls;
beforeAll(async () => {
  t = await startLocal();
  aas = jsonCalls(t, "application-autoscaling");
});
afterAll(() => t.close());

let web: string;
const on = (extra: Record<string, unknown>) => ({ ServiceNamespace: "ecs", ResourceId: web, ScalableDimension: ECS, ...extra });
const MINUTE = 60_000;
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

async function utilization(body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${t.url}/_ecs-local/utilization`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

async function activities(includeNotScaled = false): Promise<any[]> {
  return (await aas.call("DescribeScalingActivities", { ServiceNamespace: "ecs", ResourceId: web, IncludeNotScaledActivities: includeNotScaled })).ScalingActivities;
}

async function cpuPolicy(extra: Record<string, unknown> = {}): Promise<{ high: string; low: string }> {
  const out = await aas.call("PutScalingPolicy", on({ PolicyName: "cpu50", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" }, ScaleOutCooldown: 60, ScaleInCooldown: 120, ...extra } }));
  return { high: out.Alarms[0].AlarmName, low: out.Alarms[1]?.AlarmName };
}

beforeEach(async () => {
  t.local.reset();
  web = await ecsService(t, "shop", "web", 2);
  await aas.call("RegisterScalableTarget", on({ MinCapacity: 1, MaxCapacity: 6 }));
  t.advance(30_000);
});

describe("PUT /_ecs-local/utilization", () => {
  it("stores a service's utilization over its running tasks, and refuses a bad body or a missing service", async () => {
    expect(await utilization({ cluster: "shop", service: "web", cpu: 90 })).toEqual({ status: 200, body: { cluster: "shop", service: "web", cpu: 90, tasks: 2 } });
    expect(await utilization({ cluster: "shop", service: "none", cpu: 90 })).toEqual({ status: 400, body: { __type: "ValidationException", message: "ECS service doesn't exist: service/shop/none" } });
    expect(await utilization({ cluster: "shop", service: "web" })).toEqual({ status: 400, body: { __type: "ValidationException", message: "cpu and/or memory must be given, as percentages of 0 or more" } });
    expect(await utilization({ cluster: "shop", service: "web", memory: 10, tasks: 0 })).toEqual({ status: 400, body: { __type: "ValidationException", message: "tasks must be a positive whole number" } });
    expect((await utilization("{not json")).body.__type).toBe("SerializationException");
    // Not an AWS operation: the wire does not reach it.
    const wire = await t.raw("AnyScaleFrontendService.SetServiceUtilization", JSON.stringify({ cluster: "shop", service: "web", cpu: 1 }));
    expect([wire.status, wire.body.__type]).toEqual([400, "UnknownOperationException"]);
  });
});

describe("target tracking", () => {
  it("scales out after three minutes above the target, in proportion, then in after fifteen below", async () => {
    const alarms = await cpuPolicy();
    await utilization({ cluster: "shop", service: "web", cpu: 90 });
    t.advance(2 * MINUTE);
    expect(await counts(t, "shop", "web")).toEqual({ desired: 2, running: 2 });
    t.advance(MINUTE);
    // ceil(2 tasks × 90 % / 50 %) = 4
    expect(await counts(t, "shop", "web")).toMatchObject({ desired: 4 });
    const [out] = await activities();
    expect(out).toMatchObject({ Description: "Setting desired count to 4.", Cause: `monitor alarm ${alarms.high} in state ALARM triggered policy cpu50`, StatusCode: "InProgress" });
    expect(alarms.high).toMatch(new RegExp(`^TargetTracking-service/shop/web-AlarmHigh-${UUID}$`));
    t.advance(30_000);
    expect(await counts(t, "shop", "web")).toEqual({ desired: 4, running: 4 });
    expect((await activities())[0]).toMatchObject({ StatusCode: "Successful", StatusMessage: "Successfully set desired count to 4. Change successfully fulfilled by ecs." });
    expect((await events(t, "shop", "web")).some((m) => /^\(service web\) has started 2 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/.test(m))).toBe(true);

    // The same load over 4 tasks is 45 %: neither above 50 nor below 45, nothing moves.
    t.advance(20 * MINUTE);
    expect(await counts(t, "shop", "web")).toMatchObject({ desired: 4 });
    await utilization({ cluster: "shop", service: "web", cpu: 10 });
    t.advance(14 * MINUTE);
    expect(await counts(t, "shop", "web")).toMatchObject({ desired: 4 });
    t.advance(MINUTE);
    // ceil(4 × 10 / 50) = 1
    expect(await counts(t, "shop", "web")).toMatchObject({ desired: 1 });
    expect((await activities())[0]).toMatchObject({ Description: "Setting desired count to 1.", Cause: `monitor alarm ${alarms.low} in state ALARM triggered policy cpu50` });
    t.advance(MINUTE);
    expect(await counts(t, "shop", "web")).toEqual({ desired: 1, running: 1 });
    expect((await events(t, "shop", "web")).some((m) => /^\(service web\) has stopped 3 running tasks: (\(task [0-9a-f]{32}\) ?){3}\.$/.test(m))).toBe(true);
  });

  it("records a scale-out the maximum blocks once, as a not scaled activity shown only when asked for", async () => {
    await aas.call("RegisterScalableTarget", on({ MaxCapacity: 3 }));
    const { high } = await cpuPolicy();
    await utilization({ cluster: "shop", service: "web", cpu: 400 });
    t.advance(3 * MINUTE);
    expect(await counts(t, "shop", "web")).toMatchObject({ desired: 3 });
    t.advance(5 * MINUTE);
    const all = await activities(true);
    expect(all.filter((a) => a.NotScaledReasons)).toEqual([
      {
        ActivityId: expect.stringMatching(new RegExp(`^${UUID}$`)),
        ServiceNamespace: "ecs",
        ResourceId: web,
        ScalableDimension: ECS,
        Description: "Attempting to scale due to alarm triggered",
        Cause: `monitor alarm ${high} in state ALARM triggered policy cpu50`,
        StatusCode: "Failed",
        StartTime: expect.any(Number),
        NotScaledReasons: [{ Code: "AlreadyAtMaxCapacity", MaxCapacity: 3 }],
      },
    ]);
    expect((await activities()).every((a) => !a.NotScaledReasons)).toBe(true);
  });

  it("does not scale in with scale-in disabled, nor out while dynamic scale-out is suspended", async () => {
    const alarms = await cpuPolicy({ DisableScaleIn: true });
    expect(alarms.low).toBeUndefined();
    await utilization({ cluster: "shop", service: "web", cpu: 5 });
    t.advance(20 * MINUTE);
    expect(await counts(t, "shop", "web")).toMatchObject({ desired: 2 });
    await aas.call("RegisterScalableTarget", on({ SuspendedState: { DynamicScalingOutSuspended: true } }));
    await utilization({ cluster: "shop", service: "web", cpu: 95 });
    t.advance(5 * MINUTE);
    expect(await counts(t, "shop", "web")).toMatchObject({ desired: 2 });
    await aas.call("RegisterScalableTarget", on({ SuspendedState: { DynamicScalingOutSuspended: false } }));
    t.advance(MINUTE);
    expect(await counts(t, "shop", "web")).toMatchObject({ desired: 4 });
    expect(await activities(true)).toHaveLength(1);
  });

  it("tracks memory as it tracks CPU, and stops when its policy is deleted", async () => {
    await aas.call("PutScalingPolicy", on({ PolicyName: "mem", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: { TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageMemoryUtilization" } } }));
    await utilization({ cluster: "shop", service: "web", cpu: 1, memory: 80 });
    t.advance(3 * MINUTE);
    // ceil(2 × 80 / 60) = 3
    expect(await counts(t, "shop", "web")).toMatchObject({ desired: 3 });
    await aas.call("DeleteScalingPolicy", on({ PolicyName: "mem" }));
    await utilization({ cluster: "shop", service: "web", memory: 100 });
    t.advance(10 * MINUTE);
    expect(await counts(t, "shop", "web")).toMatchObject({ desired: 3 });
  });

  it("forgets the target when its ECS service is deleted", async () => {
    await cpuPolicy();
    await t.ecs("DeleteService", { cluster: "shop", service: "web", force: true });
    t.advance(2 * MINUTE);
    expect((await aas.call("DescribeScalableTargets", { ServiceNamespace: "ecs" })).ScalableTargets).toEqual([]);
    expect((await aas.call("DescribeScalingPolicies", { ServiceNamespace: "ecs" })).ScalingPolicies).toEqual([]);
  });
});

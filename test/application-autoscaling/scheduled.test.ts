// PutScheduledAction, DescribeScheduledActions and DeleteScheduledAction, and the actions running on
// the server clock: the bounds change at the scheduled time and the desired count follows them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { counts, ECS, ecsService } from "./fixtures.js";

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
/** The test clock starts at 2026-01-01T00:00:00Z, a Thursday. */
const START = Date.UTC(2026, 0, 1) / 1000;

async function activities(): Promise<any[]> {
  return (await aas.call("DescribeScalingActivities", { ServiceNamespace: "ecs", ResourceId: web })).ScalingActivities;
}

async function bounds(): Promise<[number, number]> {
  const [x] = (await aas.call("DescribeScalableTargets", { ServiceNamespace: "ecs", ResourceIds: [web] })).ScalableTargets;
  return [x.MinCapacity, x.MaxCapacity];
}

beforeEach(async () => {
  t.local.reset();
  t.clock.set(START * 1000);
  web = await ecsService(t, "shop", "web", 1);
  await aas.call("RegisterScalableTarget", on({ MinCapacity: 1, MaxCapacity: 5 }));
  t.advance(30_000);
});

describe("PutScheduledAction", () => {
  it("stores the action with an ARN on the target's id, and an update clears the start and end it does not give", async () => {
    const policy = await aas.call("PutScalingPolicy", on({ PolicyName: "p", PolicyType: "StepScaling", StepScalingPolicyConfiguration: { AdjustmentType: "ChangeInCapacity", StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] } }));
    await aas.call("PutScheduledAction", on({ ScheduledActionName: "rush", Schedule: "rate(5 hours)", StartTime: START + 86_400, EndTime: START + 2 * 86_400, ScalableTargetAction: { MinCapacity: 3, MaxCapacity: 10 } }));
    const [a] = (await aas.call("DescribeScheduledActions", { ServiceNamespace: "ecs" })).ScheduledActions;
    expect(a).toEqual({
      ScheduledActionName: "rush",
      ScheduledActionARN: expect.stringMatching(new RegExp(`^arn:aws:autoscaling:us-east-1:000000000000:scheduledAction:${UUID}:resource/ecs/service/shop/web:scheduledActionName/rush$`)),
      ServiceNamespace: "ecs",
      Schedule: "rate(5 hours)",
      ResourceId: web,
      ScalableDimension: ECS,
      StartTime: START + 86_400,
      EndTime: START + 2 * 86_400,
      ScalableTargetAction: { MinCapacity: 3, MaxCapacity: 10 },
      CreationTime: t.clock.now() / 1000,
    });
    // AWS's policies and scheduled actions of one target share the id in their ARNs.
    expect(a.ScheduledActionARN.split(":")[6]).toBe(policy.PolicyARN.split(":")[6]);
    await aas.call("PutScheduledAction", on({ ScheduledActionName: "rush", Timezone: "Europe/Paris" }));
    const [b] = (await aas.call("DescribeScheduledActions", { ServiceNamespace: "ecs", ScheduledActionNames: ["rush"], ResourceId: web, ScalableDimension: ECS })).ScheduledActions;
    expect([b.Schedule, b.Timezone, b.StartTime, b.EndTime, b.ScalableTargetAction, b.ScheduledActionARN]).toEqual(["rate(5 hours)", "Europe/Paris", undefined, undefined, { MinCapacity: 3, MaxCapacity: 10 }, a.ScheduledActionARN]);
  });

  it("refuses what AWS refuses, storing nothing", async () => {
    const put = (extra: Record<string, unknown>) => on({ ScheduledActionName: "x", Schedule: "cron(0 9 * * ? *)", ScalableTargetAction: { MinCapacity: 1 }, ...extra });
    const refusals: [Record<string, unknown>, string][] = [
      [put({ ScalableTargetAction: {} }), "At least one of minimum capacity and maximum capacity should be provided"],
      [put({ ScalableTargetAction: undefined }), "At least one of minimum capacity and maximum capacity should be provided"],
      [put({ ScalableTargetAction: { MinCapacity: 4, MaxCapacity: 2 } }), "Minimum capacity (4) cannot be greater than maximum capacity (2)"],
      [put({ Schedule: "cron(0 9 * *)" }), "Invalid schedule expression: cron(0 9 * *)"],
      [put({ Schedule: undefined }), "Schedule is required for creating a new scheduled action"],
      [put({ Timezone: "Mars/Olympus" }), "Invalid timezone: Mars/Olympus"],
      [put({ StartTime: START + 100, EndTime: START + 100 }), "StartTime must be before EndTime"],
    ];
    for (const [input, message] of refusals) expect(await aas.error("PutScheduledAction", input)).toEqual({ status: 400, code: "ValidationException", message });
    expect(await aas.error("PutScheduledAction", put({ ResourceId: "service/shop/none" }))).toMatchObject({
      code: "ObjectNotFoundException",
      message: "No scalable target registered for service namespace: ecs, resource ID: service/shop/none, scalable dimension: ecs:service:DesiredCount",
    });
    expect((await aas.call("DescribeScheduledActions", { ServiceNamespace: "ecs" })).ScheduledActions).toEqual([]);
  });
});

describe("scheduled actions on the server clock", () => {
  it("raises the minimum at at()'s time and the desired count follows, with AWS's two activities", async () => {
    await aas.call("PutScheduledAction", on({ ScheduledActionName: "morning", Schedule: "at(2026-01-01T08:00:00)", ScalableTargetAction: { MinCapacity: 3, MaxCapacity: 6 } }));
    t.advance(8 * 60 * MINUTE - 31_000);
    expect(await counts(t, "shop", "web")).toEqual({ desired: 1, running: 1 });
    t.advance(1000);
    expect(await bounds()).toEqual([3, 6]);
    expect(await counts(t, "shop", "web")).toMatchObject({ desired: 3 });
    t.advance(MINUTE);
    expect(await counts(t, "shop", "web")).toEqual({ desired: 3, running: 3 });
    const at = START + 8 * 3600;
    expect((await activities()).map((a) => [a.Description, a.Cause, a.StatusCode, a.StatusMessage, a.StartTime])).toEqual([
      ["Setting desired count to 3.", "minimum capacity was set to 3", "Successful", "Successfully set desired count to 3. Change successfully fulfilled by ecs.", at],
      ["Setting min capacity to 3 and max capacity to 6", "scheduled action name morning was triggered", "Successful", "Successfully set min capacity to 3 and max capacity to 6", at],
    ]);
  });

  it("runs a cron action at its wall-clock time in its zone, each weekday, and lowers the maximum", async () => {
    await aas.call("RegisterScalableTarget", on({ MinCapacity: 4 }));
    t.advance(MINUTE);
    // 18:00 in New York is 23:00 UTC in January: Thursday the 1st, then Friday the 2nd, then Monday the 5th.
    await aas.call("PutScheduledAction", on({ ScheduledActionName: "evening", Schedule: "cron(0 18 ? * MON-FRI *)", Timezone: "America/New_York", ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 2 } }));
    t.advance(23 * 60 * MINUTE - 2 * MINUTE);
    expect(await bounds()).toEqual([4, 5]);
    t.advance(2 * MINUTE);
    expect(await bounds()).toEqual([1, 2]);
    expect(await counts(t, "shop", "web")).toMatchObject({ desired: 2 });
    expect((await activities())[0]).toMatchObject({ Description: "Setting desired count to 2.", Cause: "maximum capacity was set to 2" });
    await aas.call("RegisterScalableTarget", on({ MaxCapacity: 5 }));
    await aas.call("PutScheduledAction", on({ ScheduledActionName: "evening", ScalableTargetAction: { MaxCapacity: 3 } }));
    // Friday 23:00 UTC, then nothing on the weekend.
    t.advance(24 * 60 * MINUTE);
    expect(await bounds()).toEqual([1, 3]);
    await aas.call("RegisterScalableTarget", on({ MaxCapacity: 5 }));
    t.advance(2 * 24 * 60 * MINUTE);
    expect(await bounds()).toEqual([1, 5]);
  });

  it("lets runs pass while scheduled scaling is suspended, and a deleted action never runs", async () => {
    await aas.call("PutScheduledAction", on({ ScheduledActionName: "a", Schedule: "rate(10 minutes)", ScalableTargetAction: { MinCapacity: 2 } }));
    await aas.call("PutScheduledAction", on({ ScheduledActionName: "b", Schedule: "at(2026-01-01T00:30:00)", ScalableTargetAction: { MinCapacity: 5 } }));
    await aas.call("RegisterScalableTarget", on({ SuspendedState: { ScheduledScalingSuspended: true } }));
    t.advance(20 * MINUTE);
    expect(await bounds()).toEqual([1, 5]);
    expect(await aas.call("DeleteScheduledAction", on({ ScheduledActionName: "b" }))).toEqual({});
    await aas.call("RegisterScalableTarget", on({ SuspendedState: { ScheduledScalingSuspended: false } }));
    t.advance(20 * MINUTE);
    expect(await bounds()).toEqual([2, 5]);
    expect(await counts(t, "shop", "web")).toMatchObject({ desired: 2 });
    expect(await aas.error("DeleteScheduledAction", on({ ScheduledActionName: "b" }))).toEqual({
      status: 400,
      code: "ObjectNotFoundException",
      message: "No scheduled action found for service namespace: ecs, resource ID: service/shop/web, scalable dimension: ecs:service:DesiredCount, scheduled action name: b",
    });
  });

  it("records a run that would put the minimum above the maximum as failed, and changes nothing", async () => {
    await aas.call("PutScheduledAction", on({ ScheduledActionName: "big", Schedule: "at(2026-01-01T01:00:00)", ScalableTargetAction: { MinCapacity: 8 } }));
    t.advance(60 * MINUTE);
    expect(await bounds()).toEqual([1, 5]);
    expect((await activities())[0]).toMatchObject({
      Description: "Setting min capacity to 8",
      Cause: "scheduled action name big was triggered",
      StatusCode: "Failed",
      StatusMessage: "Failed to set min capacity to 8. Reason: Minimum capacity (8) cannot be greater than maximum capacity (5)",
    });
  });
});

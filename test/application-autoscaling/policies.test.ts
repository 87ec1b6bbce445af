// PutScalingPolicy, DescribeScalingPolicies and DeleteScalingPolicy: what each policy type takes, the
// alarms target tracking creates (named as AWS names them), updates, and AWS's refusals.
import { ApplicationAutoScalingClient, DescribeScalingPoliciesCommand } from "@aws-sdk/client-application-auto-scaling";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { ECS, ecsService } from "./fixtures.js";

let t: TestLocal;
let aas: JsonCalls;
beforeAll(async () => {
  t = await startLocal();
  aas = jsonCalls(t, "application-autoscaling");
});
afterAll(() => t.close());

let web: string;
const on = (extra: Record<string, unknown>) => ({ ServiceNamespace: "ecs", ResourceId: web, ScalableDimension: ECS, ...extra });
const cpu = (TargetValue: number, extra: Record<string, unknown> = {}) => ({ TargetValue, PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" }, ...extra });
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

beforeEach(async () => {
  t.local.reset();
  web = await ecsService(t, "shop", "web", 1);
  await aas.call("RegisterScalableTarget", on({ MinCapacity: 1, MaxCapacity: 5 }));
});

describe("target tracking", () => {
  it("answers the policy ARN and the two alarms AWS creates, and describes the policy as it was put", async () => {
    const out = await aas.call("PutScalingPolicy", on({ PolicyName: "cpu75", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: cpu(75, { ScaleOutCooldown: 60, ScaleInCooldown: 60 }) }));
    expect(out.PolicyARN).toMatch(new RegExp(`^arn:aws:autoscaling:us-east-1:000000000000:scalingPolicy:${UUID}:resource/ecs/service/shop/web:policyName/cpu75$`));
    expect(out.Alarms.map((a: any) => a.AlarmName)).toEqual([
      expect.stringMatching(new RegExp(`^TargetTracking-service/shop/web-AlarmHigh-${UUID}$`)),
      expect.stringMatching(new RegExp(`^TargetTracking-service/shop/web-AlarmLow-${UUID}$`)),
    ]);
    for (const a of out.Alarms) expect(a.AlarmARN).toBe(`arn:aws:cloudwatch:us-east-1:000000000000:alarm:${a.AlarmName}`);
    const { ScalingPolicies } = await aas.call("DescribeScalingPolicies", { ServiceNamespace: "ecs" });
    expect(ScalingPolicies).toEqual([
      {
        PolicyARN: out.PolicyARN,
        PolicyName: "cpu75",
        ServiceNamespace: "ecs",
        ResourceId: web,
        ScalableDimension: ECS,
        PolicyType: "TargetTrackingScaling",
        TargetTrackingScalingPolicyConfiguration: cpu(75, { ScaleOutCooldown: 60, ScaleInCooldown: 60 }),
        Alarms: out.Alarms,
        CreationTime: t.clock.now() / 1000,
      },
    ]);
  });

  it("creates only AlarmHigh when scale-in is disabled; an update keeps the ARN and creation time and makes new alarms", async () => {
    const first = await aas.call("PutScalingPolicy", on({ PolicyName: "alb", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: { TargetValue: 1000, DisableScaleIn: true, PredefinedMetricSpecification: { PredefinedMetricType: "ALBRequestCountPerTarget", ResourceLabel: "app/lb/778d41231b141a0f/targetgroup/tg/943f017f100becff" } } }));
    expect(first.Alarms.map((a: any) => a.AlarmName)).toEqual([expect.stringContaining("-AlarmHigh-")]);
    const created = t.clock.now() / 1000;
    t.advance(5000);
    const second = await aas.call("PutScalingPolicy", on({ PolicyName: "alb", TargetTrackingScalingPolicyConfiguration: { TargetValue: 500, PredefinedMetricSpecification: { PredefinedMetricType: "ALBRequestCountPerTarget", ResourceLabel: "app/lb/778d41231b141a0f/targetgroup/tg/943f017f100becff" } } }));
    expect(second.PolicyARN).toBe(first.PolicyARN);
    expect(second.Alarms).toHaveLength(2);
    expect(second.Alarms[0].AlarmName).not.toBe(first.Alarms[0].AlarmName);
    const [p] = (await aas.call("DescribeScalingPolicies", { ServiceNamespace: "ecs", PolicyNames: ["alb"], ResourceId: web, ScalableDimension: ECS })).ScalingPolicies;
    expect([p.CreationTime, p.PolicyType, p.TargetTrackingScalingPolicyConfiguration.TargetValue]).toEqual([created, "TargetTrackingScaling", 500]);
  });

  it("refuses what AWS refuses, storing nothing", async () => {
    const tt = (c: Record<string, unknown>) => on({ PolicyName: "p", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: c });
    const refusals: [Record<string, unknown>, string][] = [
      [tt({ TargetValue: 10, PredefinedMetricSpecification: { PredefinedMetricType: "ALBRequestCountPerTarget" } }), "Resource label should be specified for predefined metric type ALBRequestCountPerTarget"],
      [tt({ TargetValue: 10, PredefinedMetricSpecification: { PredefinedMetricType: "ALBRequestCountPerTarget", ResourceLabel: "my-alb" } }), "Invalid resource label my-alb for predefined metric type ALBRequestCountPerTarget"],
      [tt({ TargetValue: 10, PredefinedMetricSpecification: { PredefinedMetricType: "DynamoDBReadCapacityUtilization" } }), "Unsupported predefined metric type DynamoDBReadCapacityUtilization for scalable dimension ecs:service:DesiredCount"],
      [tt({ TargetValue: 10 }), "Exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification must be specified"],
      [tt({ TargetValue: 10, CustomizedMetricSpecification: { MetricName: "Depth" } }), "A customized metric must specify Metrics, or MetricName, Namespace and Statistic"],
      [on({ PolicyName: "p", TargetTrackingScalingPolicyConfiguration: cpu(50) }), "PolicyType is required for creating a new scaling policy"],
      [on({ PolicyName: "p", PolicyType: "TargetTrackingScaling" }), "TargetTrackingScalingPolicyConfiguration is required for a TargetTrackingScaling policy"],
    ];
    for (const [input, message] of refusals) expect(await aas.error("PutScalingPolicy", input)).toEqual({ status: 400, code: "ValidationException", message });
    expect((await aas.call("DescribeScalingPolicies", { ServiceNamespace: "ecs" })).ScalingPolicies).toEqual([]);
    expect(await aas.error("PutScalingPolicy", on({ ResourceId: "service/shop/other", PolicyName: "p", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: cpu(50) }))).toEqual({
      status: 400,
      code: "ObjectNotFoundException",
      message: "No scalable target registered for service namespace: ecs, resource ID: service/shop/other, scalable dimension: ecs:service:DesiredCount",
    });
  });

  it("allows one target tracking policy per metric and no change of type", async () => {
    await aas.call("PutScalingPolicy", on({ PolicyName: "a", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: cpu(50) }));
    expect((await aas.error("PutScalingPolicy", on({ PolicyName: "b", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: cpu(70) }))).message).toBe("Only one TargetTrackingScaling policy for a given metric specification is allowed.");
    const step = { AdjustmentType: "ChangeInCapacity", StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] };
    expect((await aas.error("PutScalingPolicy", on({ PolicyName: "a", PolicyType: "StepScaling", StepScalingPolicyConfiguration: step }))).message).toBe(
      "You cannot change a TargetTrackingScaling policy to a non TargetTrackingScaling policy, or vice versa",
    );
  });
});

describe("step scaling and deletion", () => {
  it("stores a step policy as given, without alarms (CloudWatch alarms point at it), and checks its steps", async () => {
    const config = { AdjustmentType: "PercentChangeInCapacity", Cooldown: 60, StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 200 }] };
    const out = await aas.call("PutScalingPolicy", on({ PolicyName: "web-app-cpu-gt-75", PolicyType: "StepScaling", StepScalingPolicyConfiguration: config }));
    expect(Object.keys(out)).toEqual(["PolicyARN"]);
    const [p] = (await aas.call("DescribeScalingPolicies", { ServiceNamespace: "ecs" })).ScalingPolicies;
    expect([p.PolicyType, p.StepScalingPolicyConfiguration, p.Alarms]).toEqual(["StepScaling", config, undefined]);
    const steps = (StepAdjustments: unknown[]) => on({ PolicyName: "s", PolicyType: "StepScaling", StepScalingPolicyConfiguration: { AdjustmentType: "ChangeInCapacity", StepAdjustments } });
    expect((await aas.error("PutScalingPolicy", steps([{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }, { MetricIntervalLowerBound: 20, ScalingAdjustment: 2 }]))).message).toBe(
      "The ranges of step adjustments cannot overlap or have a gap",
    );
    expect((await aas.error("PutScalingPolicy", steps([{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }]))).message).toBe(
      "A step adjustment with a positive upper bound requires a step adjustment with a null upper bound",
    );
    expect((await aas.error("PutScalingPolicy", steps([]))).message).toBe("StepAdjustments are required for a StepScaling policy");
  });

  it("deletes a policy, pages at most 10, and says so of a policy not found", async () => {
    for (let i = 0; i < 11; i++) await aas.call("PutScalingPolicy", on({ PolicyName: `p${i}`, PolicyType: "StepScaling", StepScalingPolicyConfiguration: { AdjustmentType: "ExactCapacity", StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: i }] } }));
    const page = await aas.call("DescribeScalingPolicies", { ServiceNamespace: "ecs", MaxResults: 50 });
    expect(page.ScalingPolicies).toHaveLength(10);
    expect((await aas.call("DescribeScalingPolicies", { ServiceNamespace: "ecs", NextToken: page.NextToken })).ScalingPolicies.map((p: any) => p.PolicyName)).toEqual(["p10"]);
    expect(await aas.call("DeleteScalingPolicy", on({ PolicyName: "p3" }))).toEqual({});
    expect(await aas.error("DeleteScalingPolicy", on({ PolicyName: "p3" }))).toEqual({
      status: 400,
      code: "ObjectNotFoundException",
      message: "No scaling policy found for service namespace: ecs, resource ID: service/shop/web, scalable dimension: ecs:service:DesiredCount, policy name: p3",
    });
  });

  it("is read by the AWS SDK v3 client", async () => {
    await aas.call("PutScalingPolicy", on({ PolicyName: "cpu", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: cpu(60) }));
    const client = new ApplicationAutoScalingClient({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s" } });
    const { ScalingPolicies } = await client.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "ecs", ResourceId: web }));
    expect(ScalingPolicies![0].TargetTrackingScalingPolicyConfiguration).toEqual(cpu(60));
    expect(ScalingPolicies![0].Alarms).toHaveLength(2);
    client.destroy();
  });
});

// RegisterScalableTarget, DescribeScalableTargets, DeregisterScalableTarget and the tags of a target:
// AWS's texts, the service-linked role, and a desired count brought within the bounds at once.
import { ApplicationAutoScalingClient, DescribeScalableTargetsCommand, ObjectNotFoundException, RegisterScalableTargetCommand } from "@aws-sdk/client-application-auto-scaling";
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

const ROLE = "arn:aws:iam::000000000000:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService";
const target = (ResourceId: string, extra: Record<string, unknown> = {}) => ({ ServiceNamespace: "ecs", ResourceId, ScalableDimension: ECS, ...extra });

let web: string;
beforeEach(async () => {
  t.local.reset();
  web = await ecsService(t, "shop", "web", 1);
  t.advance(30_000);
});

describe("RegisterScalableTarget", () => {
  it("registers an ECS service with the service-linked role, whatever RoleARN says, and describes it", async () => {
    const out = await aas.call("RegisterScalableTarget", target(web, { MinCapacity: 1, MaxCapacity: 4, RoleARN: "arn:aws:iam::000000000000:role/mine" }));
    expect(out.ScalableTargetARN).toMatch(/^arn:aws:application-autoscaling:us-east-1:000000000000:scalable-target\/0ec5[0-9a-f]{32}$/);
    const { ScalableTargets } = await aas.call("DescribeScalableTargets", { ServiceNamespace: "ecs" });
    expect(ScalableTargets).toEqual([
      {
        ServiceNamespace: "ecs",
        ResourceId: "service/shop/web",
        ScalableDimension: ECS,
        MinCapacity: 1,
        MaxCapacity: 4,
        RoleARN: ROLE,
        CreationTime: t.clock.now() / 1000,
        SuspendedState: { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false },
        ScalableTargetARN: out.ScalableTargetARN,
      },
    ]);
    expect(await aas.call("ListTagsForResource", { ResourceARN: out.ScalableTargetARN })).toEqual({ Tags: {} });
  });

  it("refuses what it cannot register, with AWS's texts, storing nothing", async () => {
    expect(await aas.error("RegisterScalableTarget", target("service/shop/nope", { MinCapacity: 1, MaxCapacity: 2 }))).toEqual({ status: 400, code: "ValidationException", message: "ECS service doesn't exist: service/shop/nope" });
    expect((await aas.error("RegisterScalableTarget", target("service/nope/web", { MinCapacity: 1, MaxCapacity: 2 }))).message).toBe("ECS service doesn't exist: service/nope/web");
    for (const bad of [target("shop/web"), target("service/shop/web", { ScalableDimension: "dynamodb:table:ReadCapacityUnits" }), target("table/t", { ServiceNamespace: "dynamodb" })]) {
      expect(await aas.error("RegisterScalableTarget", { ...bad, MinCapacity: 1, MaxCapacity: 2 })).toMatchObject({ code: "ValidationException", message: "Unsupported service namespace, resource type or scalable dimension" });
    }
    expect((await aas.error("RegisterScalableTarget", { ServiceNamespace: "dynamodb", ResourceId: "table/t", ScalableDimension: "dynamodb:table:ReadCapacityUnits", MinCapacity: 1, MaxCapacity: 2 })).message).toBe(
      "ecs-local does not support scalable targets in service namespace dynamodb yet: it scales ECS services (ecs:service:DesiredCount).",
    );
    expect((await aas.error("RegisterScalableTarget", target(web, { MaxCapacity: 2 }))).message).toBe("MinCapacity is required for registering a new scalable target");
    expect((await aas.error("RegisterScalableTarget", target(web, { MinCapacity: 1 }))).message).toBe("MaxCapacity is required for registering a new scalable target");
    expect((await aas.error("RegisterScalableTarget", target(web, { MinCapacity: 3, MaxCapacity: 2 }))).message).toBe("Minimum capacity (3) cannot be greater than maximum capacity (2)");
    expect((await aas.error("RegisterScalableTarget", target(web, { MinCapacity: 1, ServiceNamespace: "ec2" }))).code).toBe("ValidationException");
    expect((await aas.call("DescribeScalableTargets", { ServiceNamespace: "ecs" })).ScalableTargets).toEqual([]);
  });

  it("updates what it is given and keeps the rest; tags only when the target is new", async () => {
    const { ScalableTargetARN } = await aas.call("RegisterScalableTarget", target(web, { MinCapacity: 1, MaxCapacity: 4, Tags: { team: "shop" } }));
    expect(await aas.call("RegisterScalableTarget", target(web, { MaxCapacity: 6, SuspendedState: { DynamicScalingInSuspended: true } }))).toEqual({ ScalableTargetARN });
    const [d] = (await aas.call("DescribeScalableTargets", { ServiceNamespace: "ecs", ResourceIds: [web], ScalableDimension: ECS })).ScalableTargets;
    expect([d.MinCapacity, d.MaxCapacity, d.SuspendedState]).toEqual([1, 6, { DynamicScalingInSuspended: true, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false }]);
    expect(await aas.error("RegisterScalableTarget", target(web, { Tags: { team: "other" } }))).toMatchObject({
      code: "ValidationException",
      message: "The scalable target that you tried to tag already exists. To update tags on an existing scalable target, use the TagResource API.",
    });
    expect((await aas.error("RegisterScalableTarget", target(web, { MinCapacity: 7 }))).message).toBe("Minimum capacity (7) cannot be greater than maximum capacity (6)");
    expect(await aas.call("ListTagsForResource", { ResourceARN: ScalableTargetARN })).toEqual({ Tags: { team: "shop" } });
  });

  it("brings the desired count within the bounds at once, with AWS's activity, and ECS starts and stops tasks", async () => {
    await aas.call("RegisterScalableTarget", target(web, { MinCapacity: 3, MaxCapacity: 5 }));
    expect(await counts(t, "shop", "web")).toMatchObject({ desired: 3 });
    const started = (await aas.call("DescribeScalingActivities", { ServiceNamespace: "ecs", ResourceId: web })).ScalingActivities;
    expect(started).toEqual([
      {
        ActivityId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        ServiceNamespace: "ecs",
        ResourceId: web,
        ScalableDimension: ECS,
        Description: "Setting desired count to 3.",
        Cause: "minimum capacity was set to 3",
        StatusCode: "InProgress",
        StartTime: t.clock.now() / 1000,
      },
    ]);
    t.advance(30_000);
    expect(await counts(t, "shop", "web")).toEqual({ desired: 3, running: 3 });
    const [done] = (await aas.call("DescribeScalingActivities", { ServiceNamespace: "ecs" })).ScalingActivities;
    expect(done).toMatchObject({ StatusCode: "Successful", StatusMessage: "Successfully set desired count to 3. Change successfully fulfilled by ecs." });
    expect(done.EndTime).toBeGreaterThan(done.StartTime);
    expect((await events(t, "shop", "web")).some((m) => /^\(service web\) has started 2 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/.test(m))).toBe(true);

    await aas.call("RegisterScalableTarget", target(web, { MinCapacity: 1, MaxCapacity: 2 }));
    t.advance(60_000);
    expect(await counts(t, "shop", "web")).toEqual({ desired: 2, running: 2 });
    const [lowered] = (await aas.call("DescribeScalingActivities", { ServiceNamespace: "ecs", ResourceId: web, ScalableDimension: ECS })).ScalingActivities;
    expect(lowered).toMatchObject({ Description: "Setting desired count to 2.", Cause: "maximum capacity was set to 2", StatusCode: "Successful" });
    expect((await events(t, "shop", "web")).some((m) => /^\(service web\) has stopped 1 running tasks: \(task [0-9a-f]{32}\)\.$/.test(m))).toBe(true);
  });
});

describe("DescribeScalableTargets and DeregisterScalableTarget", () => {
  it("filters and pages, and refuses a token of another listing", async () => {
    const api = await ecsService(t, "shop", "api", 1);
    await aas.call("RegisterScalableTarget", target(web, { MinCapacity: 1, MaxCapacity: 2 }));
    await aas.call("RegisterScalableTarget", target(api, { MinCapacity: 1, MaxCapacity: 2 }));
    const first = await aas.call("DescribeScalableTargets", { ServiceNamespace: "ecs", MaxResults: 1 });
    expect(first.ScalableTargets.map((x: any) => x.ResourceId)).toEqual([web]);
    const second = await aas.call("DescribeScalableTargets", { ServiceNamespace: "ecs", MaxResults: 1, NextToken: first.NextToken });
    expect([second.ScalableTargets.map((x: any) => x.ResourceId), second.NextToken]).toEqual([[api], undefined]);
    expect((await aas.call("DescribeScalableTargets", { ServiceNamespace: "ecs", ResourceIds: [api] })).ScalableTargets.map((x: any) => x.ResourceId)).toEqual([api]);
    expect((await aas.call("DescribeScalableTargets", { ServiceNamespace: "dynamodb" })).ScalableTargets).toEqual([]);
    expect(await aas.error("DescribeScalingPolicies", { ServiceNamespace: "ecs", NextToken: first.NextToken })).toMatchObject({ code: "InvalidNextTokenException", message: "Invalid NextToken" });
    expect((await aas.error("DescribeScalableTargets", { ServiceNamespace: "ecs", MaxResults: 0 })).message).toBe("MaxResults must be between 1 and 50");
  });

  it("deregisters a target with its policies and scheduled actions, and says so of one not registered", async () => {
    await aas.call("RegisterScalableTarget", target(web, { MinCapacity: 1, MaxCapacity: 2 }));
    await aas.call("PutScalingPolicy", target(web, { PolicyName: "cpu", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" } } }));
    await aas.call("PutScheduledAction", target(web, { ScheduledActionName: "night", Schedule: "cron(0 22 * * ? *)", ScalableTargetAction: { MaxCapacity: 1 } }));
    expect(await aas.call("DeregisterScalableTarget", target(web))).toEqual({});
    expect((await aas.call("DescribeScalingPolicies", { ServiceNamespace: "ecs" })).ScalingPolicies).toEqual([]);
    expect((await aas.call("DescribeScheduledActions", { ServiceNamespace: "ecs" })).ScheduledActions).toEqual([]);
    expect(await aas.error("DeregisterScalableTarget", target(web))).toEqual({
      status: 400,
      code: "ObjectNotFoundException",
      message: "No scalable target found for service namespace: ecs, resource ID: service/shop/web, scalable dimension: ecs:service:DesiredCount",
    });
  });
});

describe("tags", () => {
  it("tags, untags and lists a target's tags; an unknown ARN is not found and more than 50 are too many", async () => {
    const { ScalableTargetARN: arn } = await aas.call("RegisterScalableTarget", target(web, { MinCapacity: 1, MaxCapacity: 2, Tags: { a: "1" } }));
    await aas.call("TagResource", { ResourceARN: arn, Tags: { a: "2", b: "3" } });
    await aas.call("UntagResource", { ResourceARN: arn, TagKeys: ["b", "absent"] });
    expect(await aas.call("ListTagsForResource", { ResourceARN: arn })).toEqual({ Tags: { a: "2" } });
    const unknown = arn.replace(/0ec5[0-9a-f]{4}/, "0ec50000");
    expect(await aas.error("ListTagsForResource", { ResourceARN: unknown })).toMatchObject({ code: "ResourceNotFoundException", message: `Scalable target not found: ${unknown}` });
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"]));
    expect(await aas.error("TagResource", { ResourceARN: arn, Tags: many })).toMatchObject({ code: "TooManyTagsException", message: "The number of tags on a scalable target cannot exceed 50" });
    expect(await aas.error("TagResource", { ResourceARN: "arn:aws:ecs:us-east-1:000000000000:service/x", Tags: { a: "b" } })).toMatchObject({ code: "ValidationException" });
  });
});

describe("the AWS SDK v3 client", () => {
  it("parses registration, description and errors", async () => {
    const client = new ApplicationAutoScalingClient({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s" } });
    const out = await client.send(new RegisterScalableTargetCommand({ ServiceNamespace: "ecs", ResourceId: web, ScalableDimension: ECS, MinCapacity: 1, MaxCapacity: 3 }));
    const { ScalableTargets } = await client.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs" }));
    expect(ScalableTargets![0]).toMatchObject({ ScalableTargetARN: out.ScalableTargetARN, MinCapacity: 1, MaxCapacity: 3, RoleARN: ROLE });
    expect(ScalableTargets![0].CreationTime).toBeInstanceOf(Date);
    const err = await client.send(new (await import("@aws-sdk/client-application-auto-scaling")).DeregisterScalableTargetCommand({ ServiceNamespace: "ecs", ResourceId: "service/shop/none", ScalableDimension: ECS })).catch((e) => e);
    expect(err).toBeInstanceOf(ObjectNotFoundException);
    client.destroy();
  });
});

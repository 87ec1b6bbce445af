// Secrets Manager and Application Auto Scaling from a template: a generated secret the service's
// tasks read, a scalable target on the service's desired count and a target-tracking policy.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { jsonCalls } from "../helpers/json.js";
import { SUBNET_A } from "../helpers/fixtures.js";

let t: TestLocal;
let cfn: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  cfn = queryCaller(t, "cloudformation");
});
afterAll(() => t.close());

describe("a scaled service with a generated secret", () => {
  it("generates the secret, registers the target and its policy, and deletes them all", async () => {
    const sm = jsonCalls(t, "secretsmanager");
    await sm.call("CreateSecret", { Name: "DbSecretRef", SecretString: JSON.stringify({ username: "reader" }), ClientRequestToken: "7a2d2a35-38b0-4c0e-9f3a-1d1f5a6c8e21" });
    const body = readFileSync(new URL("./templates/scaled-service.yaml", import.meta.url), "utf8");
    await cfn.call("CreateStack", { StackName: "scaled", TemplateBody: body, Parameters: [{ ParameterKey: "Subnet", ParameterValue: SUBNET_A }], Capabilities: ["CAPABILITY_IAM"] });
    const s = (await cfn.call("DescribeStacks", { StackName: "scaled" })).Stacks[0];
    const failures = (await cfn.call("DescribeStackEvents", { StackName: "scaled" })).StackEvents.filter((e: any) => e.ResourceStatus.endsWith("FAILED")).map((e: any) => `${e.LogicalResourceId}: ${e.ResourceStatusReason}`);
    expect(failures).toEqual([]);
    expect(s.StackStatus).toBe("CREATE_COMPLETE");
    const out = Object.fromEntries(s.Outputs.map((o: any) => [o.OutputKey, o.OutputValue]));
    expect(out.SecretArn).toMatch(/^arn:aws:secretsmanager:us-east-1:000000000000:secret:DbSecret-[A-Za-z0-9]{12}-[A-Za-z0-9]{6}$/);
    const value = JSON.parse((await sm.call("GetSecretValue", { SecretId: out.SecretArn })).SecretString);
    expect([value.username, value.password.length, /^[A-Za-z0-9]+$/.test(value.password)]).toEqual(["app", 24, true]);

    const cluster = (await cfn.call("DescribeStackResource", { StackName: "scaled", LogicalResourceId: "Cluster" })).StackResourceDetail.PhysicalResourceId;
    const serviceArn = (await cfn.call("DescribeStackResource", { StackName: "scaled", LogicalResourceId: "Service" })).StackResourceDetail.PhysicalResourceId;
    const service = serviceArn.split("/").pop();
    expect(out.TargetId).toBe(`service/${cluster}/${service}|ecs:service:DesiredCount|ecs`);
    const aas = jsonCalls(t, "application-autoscaling");
    const targets = (await aas.call("DescribeScalableTargets", { ServiceNamespace: "ecs" })).ScalableTargets;
    expect(targets.map((x: any) => [x.ResourceId, x.MinCapacity, x.MaxCapacity])).toEqual([[`service/${cluster}/${service}`, 1, 4]]);
    const policies = (await aas.call("DescribeScalingPolicies", { ServiceNamespace: "ecs" })).ScalingPolicies;
    expect(policies.map((p: any) => [p.PolicyARN, p.PolicyName, p.PolicyType])).toEqual([[out.PolicyArn, "cpu", "TargetTrackingScaling"]]);
    const td = (await t.ecs("DescribeTaskDefinition", { taskDefinition: (await cfn.call("DescribeStackResource", { StackName: "scaled", LogicalResourceId: "TaskDef" })).StackResourceDetail.PhysicalResourceId })).taskDefinition!;
    expect(td.containerDefinitions![0].environment).toEqual([{ name: "DB_USER", value: "reader" }]);
    const svc = (await t.ecs("DescribeServices", { cluster, services: [serviceArn] })).services![0];
    expect(svc.runningCount).toBe(1);

    await cfn.call("DeleteStack", { StackName: "scaled" });
    expect((await aas.call("DescribeScalableTargets", { ServiceNamespace: "ecs" })).ScalableTargets).toEqual([]);
    expect((await sm.error("DescribeSecret", { SecretId: out.SecretArn })).code).toBe("ResourceNotFoundException");
  });
});

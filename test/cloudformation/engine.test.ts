// The engine step by step on the test clock: waves of resources, an update that fails and rolls
// back, a cancelled update, request tokens, dynamic references and SSM-typed parameters (through the
// SSM and Secrets Manager ports), Lambda-backed types, and RetainResources after a failed delete.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import type { ParameterView } from "../../src/services/ssm/context.js";
import { SUBNET_A } from "../helpers/fixtures.js";

let t: TestLocal;
let cfn: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  cfn = queryCaller(t, "cloudformation");
});
afterAll(() => t.close());

const backend = () => t.local.registry.backends.cloudformation;
const status = async (name: string) => (await cfn.call("DescribeStacks", { StackName: name })).Stacks[0].StackStatus;
const resources = async (name: string) =>
  Object.fromEntries((await cfn.call("ListStackResources", { StackName: name })).StackResourceSummaries.map((r: any) => [r.LogicalResourceId, r.ResourceStatus]));
const events = async (name: string): Promise<string[]> =>
  (await cfn.call("DescribeStackEvents", { StackName: name })).StackEvents.map((e: any) => `${e.LogicalResourceId} ${e.ResourceStatus}${e.ResourceStatusReason ? ` ${e.ResourceStatusReason}` : ""}`).reverse();
const logs = (body: string) => `Resources:\n${body}`;

describe("on the test clock, with one second per step", () => {
  it("creates in waves: a resource starts one step after what it needs", async () => {
    backend().stepMs = 1000;
    try {
      const body = logs("  A:\n    Type: AWS::Logs::LogGroup\n  B:\n    Type: AWS::Logs::LogStream\n    Properties: { LogGroupName: !Ref A }");
      await cfn.call("CreateStack", { StackName: "waves", TemplateBody: body });
      expect(await status("waves")).toBe("CREATE_IN_PROGRESS");
      t.advance(1000);
      expect(await resources("waves")).toEqual({ A: "CREATE_COMPLETE" });
      t.advance(1000);
      expect(await resources("waves")).toEqual({ A: "CREATE_COMPLETE", B: "CREATE_COMPLETE" });
      t.advance(1000);
      expect(await status("waves")).toBe("CREATE_COMPLETE");
    } finally {
      backend().stepMs = 0;
    }
  });

  it("CancelUpdateStack rolls an update in progress back", async () => {
    backend().stepMs = 1000;
    try {
      const body = logs("  A:\n    Type: AWS::Logs::LogGroup\n    Properties: { RetentionInDays: 5 }\n  B:\n    Type: AWS::Logs::LogStream\n    Properties: { LogGroupName: !Ref A }");
      await cfn.call("UpdateStack", { StackName: "waves", TemplateBody: body });
      t.advance(1000);
      await cfn.call("CancelUpdateStack", { StackName: "waves" });
      t.advance(10_000);
      expect(await status("waves")).toBe("UPDATE_ROLLBACK_COMPLETE");
      const ev = await events("waves");
      expect(ev).toContain("waves UPDATE_ROLLBACK_IN_PROGRESS Stack update cancelled");
      expect(ev.slice(ev.indexOf("waves UPDATE_ROLLBACK_IN_PROGRESS Stack update cancelled"))).toContain("A UPDATE_COMPLETE");
      expect((await cfn.error("CancelUpdateStack", { StackName: "waves" })).message).toBe("CancelUpdateStack cannot be called from current stack status");
    } finally {
      backend().stepMs = 0;
    }
  });
});

describe("a failed update", () => {
  it("rolls back: changes undone, what it made deleted, UPDATE_ROLLBACK_COMPLETE", async () => {
    const v1 = logs("  Group:\n    Type: AWS::Logs::LogGroup\n    Properties: { LogGroupName: upd-group, RetentionInDays: 7 }");
    await cfn.call("CreateStack", { StackName: "upd", TemplateBody: v1 });
    const v2 = logs("  Group:\n    Type: AWS::Logs::LogGroup\n    Properties: { LogGroupName: upd-group, RetentionInDays: 30 }\n  Extra:\n    Type: AWS::Logs::LogGroup\n    Properties: { LogGroupName: upd-extra }\n  Broken:\n    Type: AWS::Logs::LogStream\n    DependsOn: [Group, Extra]\n    Properties: { LogGroupName: no-such-group }");
    await cfn.call("UpdateStack", { StackName: "upd", TemplateBody: v2 });
    expect(await status("upd")).toBe("UPDATE_ROLLBACK_COMPLETE");
    const ev = await events("upd");
    expect(ev).toContain("upd UPDATE_ROLLBACK_IN_PROGRESS The following resource(s) failed to create: [Broken]. ");
    expect(ev.find((e) => e.startsWith("Broken CREATE_FAILED"))).toMatch(/The specified log group does not exist\./);
    expect(ev.at(-1)).toBe("upd UPDATE_ROLLBACK_COMPLETE");
    expect(await resources("upd")).toEqual({ Group: "UPDATE_COMPLETE" });
    const groups = t.local.registry.backends.client.call("logs", "DescribeLogGroups", { logGroupNamePrefix: "upd-" }, { accountId: "000000000000", region: "us-east-1" } as never);
    expect(groups.logGroups.map((g: any) => [g.logGroupName, g.retentionInDays])).toEqual([["upd-group", 7]]);
    expect((await cfn.call("GetTemplate", { StackName: "upd" })).TemplateBody).toBe(v1);
  });

  it("with DisableRollback stays UPDATE_FAILED until RollbackStack undoes it", async () => {
    const v3 = logs("  Group:\n    Type: AWS::Logs::LogGroup\n    Properties: { LogGroupName: upd-group, RetentionInDays: 30 }\n  Broken:\n    Type: AWS::Logs::LogStream\n    DependsOn: Group\n    Properties: { LogGroupName: no-such-group }");
    await cfn.call("UpdateStack", { StackName: "upd", TemplateBody: v3, DisableRollback: true });
    expect(await status("upd")).toBe("UPDATE_FAILED");
    const retention = () => t.local.registry.backends.client.call("logs", "DescribeLogGroups", { logGroupNamePrefix: "upd-group" }, { accountId: "000000000000", region: "us-east-1" } as never).logGroups[0].retentionInDays;
    expect(retention()).toBe(30);
    await cfn.call("RollbackStack", { StackName: "upd" });
    expect(await status("upd")).toBe("UPDATE_ROLLBACK_COMPLETE");
    expect(retention()).toBe(7);
    expect(await resources("upd")).toEqual({ Group: "UPDATE_COMPLETE" });
  });
});

describe("request tokens", () => {
  it("a repeated CreateStack answers the same stack; the token on another operation is refused", async () => {
    const body = logs("  H:\n    Type: AWS::CloudFormation::WaitConditionHandle");
    const a = await cfn.call("CreateStack", { StackName: "tok", TemplateBody: body, ClientRequestToken: "t-1" });
    const b = await cfn.call("CreateStack", { StackName: "tok", TemplateBody: body, ClientRequestToken: "t-1" });
    expect(b.StackId).toBe(a.StackId);
    expect((await cfn.error("UpdateStack", { StackName: "tok", TemplateBody: body, ClientRequestToken: "t-1" })).code).toBe("TokenAlreadyExistsException");
    const ev = (await cfn.call("DescribeStackEvents", { StackName: "tok" })).StackEvents;
    expect(ev.every((e: any) => e.ClientRequestToken === "t-1")).toBe(true);
  });
});

describe("values from SSM and Secrets Manager", () => {
  it("resolves SSM-typed parameters and dynamic references, and never shows the secret", async () => {
    const ssm = t.local.registry.backends.ssm;
    const sm = t.local.registry.backends.secretsmanager;
    const params: Record<string, ParameterView> = {
      "/app/retention": { name: "/app/retention", arn: "arn:aws:ssm:us-east-1:000000000000:parameter/app/retention", type: "String", value: "14", version: 1 },
      "/app/name": { name: "/app/name", arn: "arn:aws:ssm:us-east-1:000000000000:parameter/app/name", type: "String", value: "from-ssm", version: 3 },
    };
    const [origParam, origSecret] = [ssm.parameterValue, sm.secretValue];
    ssm.parameterValue = (_a, _r, ref) => params[ref.replace(/:\d+$/, "")];
    sm.secretValue = (_a, _r, id) => (id === "db" ? { arn: "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbCdEf", name: "db", versionId: "v1", secretString: '{"user":"admin"}' } : undefined);
    try {
      const body = [
        "Parameters:",
        "  Retention: { Type: 'AWS::SSM::Parameter::Value<String>', Default: /app/retention }",
        "Resources:",
        "  Group:",
        "    Type: AWS::Logs::LogGroup",
        "    Properties:",
        "      LogGroupName: '{{resolve:ssm:/app/name:3}}-{{resolve:secretsmanager:db:SecretString:user}}'",
        "      RetentionInDays: !Ref Retention",
      ].join("\n");
      await cfn.call("CreateStack", { StackName: "dyn", TemplateBody: body });
      const s = (await cfn.call("DescribeStacks", { StackName: "dyn" })).Stacks[0];
      expect(s.StackStatus).toBe("CREATE_COMPLETE");
      expect(s.Parameters).toEqual([{ ParameterKey: "Retention", ParameterValue: "/app/retention", ResolvedValue: "14" }]);
      const group = (await cfn.call("DescribeStackResource", { StackName: "dyn", LogicalResourceId: "Group" })).StackResourceDetail.PhysicalResourceId;
      expect(group).toBe("from-ssm-admin");
      const shown = (await cfn.call("DescribeStackEvents", { StackName: "dyn" })).StackEvents.map((e: any) => e.ResourceProperties ?? "").join("");
      expect(shown).toContain("{{resolve:secretsmanager:db:SecretString:user}}");
      expect(shown).not.toContain("admin");
      const missing = body.replace("Default: /app/retention", "Default: /app/none");
      expect((await cfn.error("CreateStack", { StackName: "dyn2", TemplateBody: missing })).message).toBe("Unable to fetch parameters [/app/none] from parameter store for this account.");
    } finally {
      ssm.parameterValue = origParam;
      sm.secretValue = origSecret;
    }
  });
});

describe("stack tags", () => {
  it("a change of the stack's tags alone updates the resources that take tags", async () => {
    const body = logs("  Cluster:\n    Type: AWS::ECS::Cluster\n  Handle:\n    Type: AWS::CloudFormation::WaitConditionHandle");
    await cfn.call("CreateStack", { StackName: "tagged", TemplateBody: body, Tags: [{ Key: "team", Value: "blue" }] });
    const arn = `arn:aws:ecs:us-east-1:000000000000:cluster/${(await cfn.call("DescribeStackResource", { StackName: "tagged", LogicalResourceId: "Cluster" })).StackResourceDetail.PhysicalResourceId}`;
    const tags = async () => (await t.ecs("ListTagsForResource", { resourceArn: arn })).tags;
    expect(await tags()).toEqual([{ key: "team", value: "blue" }]);
    await cfn.call("CreateChangeSet", { StackName: "tagged", ChangeSetName: "retag", UsePreviousTemplate: true, Tags: [{ Key: "team", Value: "red" }] });
    const cs = await cfn.call("DescribeChangeSet", { StackName: "tagged", ChangeSetName: "retag" });
    expect(cs.Changes.map((c: any) => [c.ResourceChange.LogicalResourceId, c.ResourceChange.Action, c.ResourceChange.Scope])).toEqual([["Cluster", "Modify", ["Tags"]]]);
    await cfn.call("ExecuteChangeSet", { StackName: "tagged", ChangeSetName: "retag" });
    expect(await status("tagged")).toBe("UPDATE_COMPLETE");
    expect(await tags()).toEqual([{ key: "team", value: "red" }]);
    const ev = await events("tagged");
    expect(ev.filter((e) => e.startsWith("Cluster UPDATE"))).toEqual(["Cluster UPDATE_IN_PROGRESS", "Cluster UPDATE_COMPLETE"]);
    expect(ev.filter((e) => e.startsWith("Handle UPDATE"))).toEqual([]);
  });
});

describe("stack policies", () => {
  const v = (a: string, withB = true) => logs(`  A:\n    Type: AWS::Logs::LogGroup\n    Properties: { LogGroupName: ${a} }${withB ? "\n  B:\n    Type: AWS::Logs::LogGroup\n    Properties: { RetentionInDays: 7 }" : ""}`);
  const allowAll = { Effect: "Allow", Action: "Update:*", Principal: "*", Resource: "*" };

  it("refuse a replacement or a removal they deny, until a policy for the update allows it", async () => {
    const policy = JSON.stringify({ Statement: [allowAll, { Effect: "Deny", Action: "Update:Replace", Principal: "*", Resource: "LogicalResourceId/A" }] });
    await cfn.call("CreateStack", { StackName: "guarded", TemplateBody: v("pol-a1"), StackPolicyBody: policy });
    expect((await cfn.call("GetStackPolicy", { StackName: "guarded" })).StackPolicyBody).toBe(policy);
    await cfn.call("UpdateStack", { StackName: "guarded", TemplateBody: v("pol-a2") });
    expect(await status("guarded")).toBe("UPDATE_ROLLBACK_COMPLETE");
    expect(await events("guarded")).toContain("A UPDATE_FAILED Action denied by stack policy: Statement [#2] does not allow [Update:Replace] for resource [LogicalResourceId/A]");
    await cfn.call("UpdateStack", { StackName: "guarded", TemplateBody: v("pol-a2"), StackPolicyDuringUpdateBody: JSON.stringify({ Statement: [allowAll] }) });
    expect(await status("guarded")).toBe("UPDATE_COMPLETE");

    await cfn.call("SetStackPolicy", { StackName: "guarded", StackPolicyBody: JSON.stringify({ Statement: [allowAll, { Effect: "Deny", Action: "Update:Delete", Principal: "*", Resource: "*", Condition: { StringEquals: { ResourceType: ["AWS::Logs::LogGroup"] } } }] }) });
    await cfn.call("UpdateStack", { StackName: "guarded", TemplateBody: v("pol-a2", false) });
    expect(await status("guarded")).toBe("UPDATE_ROLLBACK_COMPLETE");
    expect(await events("guarded")).toContain("B UPDATE_FAILED Action denied by stack policy: Statement [#2] does not allow [Update:Delete] for resource [LogicalResourceId/B]");
    expect((await cfn.error("SetStackPolicy", { StackName: "guarded", StackPolicyBody: "{not json" })).code).toBe("ValidationError");
    await cfn.call("SetStackPolicy", { StackName: "guarded", StackPolicyBody: "{}" });
    expect((await cfn.call("GetStackPolicy", { StackName: "guarded" })).StackPolicyBody).toBeUndefined();
  });
});

describe("TimeoutInMinutes", () => {
  it("cancels what runs past the timeout and rolls back (OnFailure DELETE then deletes the stack)", async () => {
    // An EC2 service in a cluster without instances never reaches a steady state.
    const body = logs("  Cluster:\n    Type: AWS::ECS::Cluster\n  TaskDef:\n    Type: AWS::ECS::TaskDefinition\n    Properties: { ContainerDefinitions: [{ Name: c, Image: busybox, Memory: 64 }] }\n  Service:\n    Type: AWS::ECS::Service\n    Properties: { Cluster: !Ref Cluster, TaskDefinition: !Ref TaskDef, DesiredCount: 1, LaunchType: EC2 }");
    const { StackId } = await cfn.call("CreateStack", { StackName: "slow", TemplateBody: body, TimeoutInMinutes: 5, OnFailure: "DELETE" });
    t.advance(4 * 60_000);
    expect(await status("slow")).toBe("CREATE_IN_PROGRESS");
    t.advance(60_000);
    t.advance(1_000);
    const ev = await events(StackId);
    expect(ev).toContain("Service CREATE_FAILED Resource creation cancelled");
    expect(ev).toContain("slow ROLLBACK_IN_PROGRESS Stack creation time exceeded the specified timeout. Delete requested by user.");
    expect(ev.slice(-3)).toEqual(["slow ROLLBACK_COMPLETE", "slow DELETE_IN_PROGRESS User Initiated", "slow DELETE_COMPLETE"]);
  });
});

describe("task sets", () => {
  it("an EXTERNAL service's task set and primary task set are made and scaled through ECS", async () => {
    const body = [
      "Parameters:",
      "  Scale: { Type: Number, Default: 100 }",
      "  Subnet: { Type: String }",
      "Resources:",
      "  Cluster: { Type: AWS::ECS::Cluster }",
      "  TaskDef:",
      "    Type: AWS::ECS::TaskDefinition",
      "    Properties: { RequiresCompatibilities: [FARGATE], NetworkMode: awsvpc, Cpu: 256, Memory: 512, ContainerDefinitions: [{ Name: app, Image: nginx }] }",
      "  Service:",
      "    Type: AWS::ECS::Service",
      "    Properties: { Cluster: !Ref Cluster, DesiredCount: 2, DeploymentController: { Type: EXTERNAL } }",
      "  Blue:",
      "    Type: AWS::ECS::TaskSet",
      "    Properties:",
      "      Cluster: !Ref Cluster",
      "      Service: !GetAtt Service.Name",
      "      TaskDefinition: !Ref TaskDef",
      "      LaunchType: FARGATE",
      "      Scale: { Unit: PERCENT, Value: !Ref Scale }",
      "      NetworkConfiguration: { AwsVpcConfiguration: { Subnets: [!Ref Subnet] } }",
      "  Primary:",
      "    Type: AWS::ECS::PrimaryTaskSet",
      "    Properties: { Cluster: !Ref Cluster, Service: !GetAtt Service.Name, TaskSetId: !GetAtt Blue.Id }",
    ].join("\n");
    const subnet = { ParameterKey: "Subnet", ParameterValue: SUBNET_A };
    await cfn.call("CreateStack", { StackName: "sets", TemplateBody: body, Parameters: [subnet] });
    expect(await status("sets")).toBe("CREATE_COMPLETE");
    const id = (await cfn.call("DescribeStackResource", { StackName: "sets", LogicalResourceId: "Blue" })).StackResourceDetail.PhysicalResourceId;
    const cluster = (await cfn.call("DescribeStackResource", { StackName: "sets", LogicalResourceId: "Cluster" })).StackResourceDetail.PhysicalResourceId;
    const service = (await cfn.call("DescribeStackResource", { StackName: "sets", LogicalResourceId: "Service" })).StackResourceDetail.PhysicalResourceId;
    const sets = async () => (await t.ecs("DescribeTaskSets", { cluster, service })).taskSets!;
    expect((await sets()).map((s) => [s.id, s.status, s.scale])).toEqual([[id, "PRIMARY", { unit: "PERCENT", value: 100 }]]);
    await cfn.call("UpdateStack", { StackName: "sets", UsePreviousTemplate: true, Parameters: [subnet, { ParameterKey: "Scale", ParameterValue: "50" }] });
    expect(await status("sets")).toBe("UPDATE_COMPLETE");
    expect((await sets()).map((s) => [s.id, s.scale])).toEqual([[id, { unit: "PERCENT", value: 50 }]]);
  });
});

describe("types ecs-local cannot run", () => {
  it("a Lambda-backed custom resource fails its create with a reason and the stack rolls back", async () => {
    await cfn.call("CreateStack", { StackName: "custom", TemplateBody: logs("  C:\n    Type: Custom::Thing\n    Properties: { ServiceToken: arn:aws:lambda:us-east-1:000000000000:function:f }") });
    expect(await status("custom")).toBe("ROLLBACK_COMPLETE");
    expect(await events("custom")).toContain("C CREATE_FAILED ecs-local runs no Lambda functions or SNS topics, so custom resource Custom::Thing cannot be created.");
  });
});

describe("a delete that fails", () => {
  it("ends in DELETE_FAILED; RetainResources then leaves the resource and deletes the stack", async () => {
    await cfn.call("CreateStack", { StackName: "stuck", TemplateBody: logs("  Cluster:\n    Type: AWS::ECS::Cluster\n    Properties: { ClusterName: stuck-cluster }") });
    await t.ecs("RegisterTaskDefinition", { family: "stuck", containerDefinitions: [{ name: "c", image: "busybox", memory: 64 }] });
    await t.ecs("CreateService", { cluster: "stuck-cluster", serviceName: "outside", taskDefinition: "stuck", desiredCount: 0 });
    expect((await cfn.error("DeleteStack", { StackName: "stuck", RetainResources: ["Cluster"] })).message).toBe("Invalid operation on stack: RetainResources can only be specified when the stack is in the DELETE_FAILED state");
    await cfn.call("DeleteStack", { StackName: "stuck" });
    expect(await status("stuck")).toBe("DELETE_FAILED");
    const ev = await events("stuck");
    expect(ev.find((e) => e.startsWith("Cluster DELETE_FAILED"))).toMatch(/The Cluster cannot be deleted while Services are active\./);
    expect(ev.at(-1)).toBe("stuck DELETE_FAILED The following resource(s) failed to delete: [Cluster]. ");
    await cfn.call("DeleteStack", { StackName: "stuck", RetainResources: ["Cluster"] });
    expect((await cfn.error("DescribeStacks", { StackName: "stuck" })).message).toBe("Stack with id stuck does not exist");
    expect((await t.ecs("DescribeClusters", { clusters: ["stuck-cluster"] })).clusters![0].status).toBe("ACTIVE");
  });
});

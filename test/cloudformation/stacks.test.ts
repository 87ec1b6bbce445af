// Stacks end to end on a test server: create, update in place and by replacement, rollback of a
// failed create, delete, with the events, resources and outputs AWS shows; every answer checked
// against the model, and the real SDK v3 client reading them.
import { readFileSync } from "node:fs";
import { CloudFormationClient, DescribeStacksCommand, waitUntilStackCreateComplete } from "@aws-sdk/client-cloudformation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { SUBNET_A, SUBNET_B } from "../helpers/fixtures.js";
import { defaultVpcId } from "../../src/services/ec2/domain/network.js";

const template = (name: string) => readFileSync(new URL(`./templates/${name}`, import.meta.url), "utf8");

let t: TestLocal;
let cfn: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  cfn = queryCaller(t, "cloudformation");
});
afterAll(() => t.close());

const stack = async (name: string) => (await cfn.call("DescribeStacks", { StackName: name })).Stacks[0];
const resource = async (name: string, id: string) => (await cfn.call("DescribeStackResource", { StackName: name, LogicalResourceId: id })).StackResourceDetail;
const events = async (name: string): Promise<string[]> =>
  (await cfn.call("DescribeStackEvents", { StackName: name })).StackEvents.map((e: any) => `${e.LogicalResourceId} ${e.ResourceStatus}${e.ResourceStatusReason ? ` ${e.ResourceStatusReason}` : ""}`).reverse();

describe("a stack with a VPC, a log group, a cluster, a task definition and a Fargate service", () => {
  it("is complete at the next turn, with its outputs, export and resources made by their services", async () => {
    const { StackId } = await cfn.call("CreateStack", { StackName: "web", TemplateBody: template("ecs-basic.yaml"), Tags: [{ Key: "team", Value: "blue" }] });
    expect(StackId).toMatch(/^arn:aws:cloudformation:us-east-1:000000000000:stack\/web\/[0-9a-f-]{36}$/);
    const s = await stack("web");
    expect(s.StackStatus).toBe("CREATE_COMPLETE");
    const outputs = Object.fromEntries(s.Outputs.map((o: any) => [o.OutputKey, o.OutputValue]));
    expect(outputs.ClusterName).toMatch(/^web-Cluster-[A-Za-z0-9]{12}$/);
    expect(outputs.ClusterArn).toBe(`arn:aws:ecs:us-east-1:000000000000:cluster/${outputs.ClusterName}`);
    const svc = (await t.ecs("DescribeServices", { cluster: outputs.ClusterName, services: [outputs.ServiceName] })).services![0];
    expect([svc.runningCount, svc.desiredCount, svc.taskDefinition]).toEqual([2, 2, "arn:aws:ecs:us-east-1:000000000000:task-definition/web-web:1"]);
    expect((await t.ecs("ListTagsForResource", { resourceArn: outputs.ClusterArn })).tags).toEqual([{ key: "team", value: "blue" }]);
    expect((await cfn.call("ListExports")).Exports).toEqual([{ ExportingStackId: StackId, Name: "web-cluster", Value: outputs.ClusterName }]);
    const ev = await events("web");
    expect(ev[0]).toBe("web CREATE_IN_PROGRESS User Initiated");
    expect(ev.slice(-4)).toEqual(["Service CREATE_IN_PROGRESS", "Service CREATE_IN_PROGRESS Resource creation Initiated", "Service CREATE_COMPLETE", "web CREATE_COMPLETE"]);
    // A resource starts only after what it refers to is complete.
    expect(ev.indexOf("SubnetA CREATE_IN_PROGRESS")).toBeGreaterThan(ev.indexOf("Vpc CREATE_COMPLETE"));
    const subnets = outputs.Subnets.split(",");
    expect((await resource("web", "SubnetA")).PhysicalResourceId).toBe(subnets[0]);
    const listed = (await cfn.call("ListStackResources", { StackName: "web" })).StackResourceSummaries;
    expect(listed.map((r: any) => [r.LogicalResourceId, r.ResourceStatus]).sort()).toEqual(
      ["Cluster", "Logs", "Service", "ServiceSecurityGroup", "SubnetA", "SubnetB", "TaskDef", "Vpc"].map((n) => [n, "CREATE_COMPLETE"]),
    );
  });

  it("is read by the SDK v3 client and its waiter", async () => {
    const client = new CloudFormationClient({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    const w = await waitUntilStackCreateComplete({ client, maxWaitTime: 10, minDelay: 1 }, { StackName: "web" });
    expect(w.state).toBe("SUCCESS");
    const out = await client.send(new DescribeStacksCommand({ StackName: "web" }));
    expect(out.Stacks![0].CreationTime).toBeInstanceOf(Date);
    expect(out.Stacks![0].Parameters!.find((p) => p.ParameterKey === "Count")!.ParameterValue).toBe("2");
  });

  it("updates in place (desired count) and by replacement (task definition), rolling the service", async () => {
    const before = await resource("web", "TaskDef");
    await cfn.call("UpdateStack", { StackName: "web", TemplateBody: template("ecs-basic.yaml"), Parameters: [{ ParameterKey: "Count", ParameterValue: "3" }, { ParameterKey: "Image", ParameterValue: "nginx:1.27" }] });
    expect((await stack("web")).StackStatus).toBe("UPDATE_COMPLETE");
    const after = await resource("web", "TaskDef");
    expect(after.PhysicalResourceId).toBe("arn:aws:ecs:us-east-1:000000000000:task-definition/web-web:2");
    const old = (await t.ecs("DescribeTaskDefinition", { taskDefinition: before.PhysicalResourceId! })).taskDefinition!;
    expect(old.status).toBe("INACTIVE");
    const cluster = (await resource("web", "Cluster")).PhysicalResourceId!;
    const svc = (await t.ecs("DescribeServices", { cluster, services: [(await resource("web", "Service")).PhysicalResourceId!] })).services![0];
    expect([svc.desiredCount, svc.runningCount, svc.taskDefinition]).toEqual([3, 3, after.PhysicalResourceId]);
    const ev = await events("web");
    const update = ev.slice(ev.lastIndexOf("web UPDATE_IN_PROGRESS User Initiated"));
    expect(update).toContain("TaskDef UPDATE_IN_PROGRESS Requested update requires the creation of a new physical resource; hence creating one.");
    expect(update.indexOf("TaskDef DELETE_COMPLETE")).toBeGreaterThan(update.indexOf("Service UPDATE_COMPLETE"));
    expect(update.at(-1)).toBe("web UPDATE_COMPLETE");
    expect(update.filter((e: string) => e.startsWith("Vpc"))).toEqual([]);
  });

  it("refuses an update that changes nothing, and parameters the template lacks or breaks", async () => {
    const params = [{ ParameterKey: "Count", UsePreviousValue: true }, { ParameterKey: "Image", UsePreviousValue: true }];
    expect((await cfn.error("UpdateStack", { StackName: "web", TemplateBody: template("ecs-basic.yaml"), Parameters: params })).message).toBe("No updates are to be performed.");
    expect((await cfn.error("UpdateStack", { StackName: "web", UsePreviousTemplate: true, Parameters: [{ ParameterKey: "Nope", ParameterValue: "1" }] })).message).toBe("Parameters: [Nope] do not exist in the template");
    expect((await cfn.error("UpdateStack", { StackName: "web", UsePreviousTemplate: true, Parameters: [{ ParameterKey: "Env", ParameterValue: "qa" }] })).message).toBe("Parameter 'Env' must be one of AllowedValues");
    expect((await cfn.error("UpdateStack", { StackName: "web", UsePreviousTemplate: true, Parameters: [{ ParameterKey: "Count", ParameterValue: "11" }] })).message).toBe("Parameter 'Count' must be a number not greater than 10");
    expect((await cfn.error("CreateStack", { StackName: "web", TemplateBody: template("ecs-basic.yaml") })).message).toBe("Stack [web] already exists");
  });

  it("deletes everything in reverse order; the deleted stack is found by id only", async () => {
    const s = await stack("web");
    const cluster = (await resource("web", "Cluster")).PhysicalResourceId!;
    await cfn.call("DeleteStack", { StackName: "web" });
    expect((await cfn.error("DescribeStacks", { StackName: "web" })).message).toBe("Stack with id web does not exist");
    const gone = (await cfn.call("DescribeStacks", { StackName: s.StackId })).Stacks[0];
    expect(gone.StackStatus).toBe("DELETE_COMPLETE");
    expect((await t.ecs("DescribeClusters", { clusters: [cluster] })).clusters![0].status).toBe("INACTIVE");
    const ev = await events(s.StackId);
    expect(ev.indexOf("Cluster DELETE_COMPLETE")).toBeGreaterThan(ev.indexOf("Service DELETE_COMPLETE"));
    expect(ev.indexOf("Vpc DELETE_IN_PROGRESS")).toBeGreaterThan(ev.indexOf("SubnetA DELETE_COMPLETE"));
    expect((await cfn.call("ListExports")).Exports).toEqual([]);
    const listed = (await cfn.call("ListStacks", { StackStatusFilter: ["DELETE_COMPLETE"] })).StackSummaries;
    expect(listed.map((x: any) => x.StackId)).toContain(s.StackId);
  });
});

describe("a failing resource", () => {
  it("fails with the owning service's message and rolls back what was made", async () => {
    await cfn.call("CreateStack", { StackName: "broken", TemplateBody: template("failing.yaml") });
    const s = await stack("broken");
    expect(s.StackStatus).toBe("ROLLBACK_COMPLETE");
    expect(s.StackStatusReason).toBeUndefined();
    const ev = await events("broken");
    const failed = ev.find((e: string) => e.startsWith("Service CREATE_FAILED"))!;
    expect(failed).toMatch(/^Service CREATE_FAILED Resource handler returned message: "Cluster not found\. \(Service: Ecs, Status Code: 400, Request ID: [0-9a-f-]{36}\)" \(RequestToken: [0-9a-f-]{36}, HandlerErrorCode: NotFound\)$/);
    expect(ev).toContain("broken ROLLBACK_IN_PROGRESS The following resource(s) failed to create: [Service]. Rollback requested by user.");
    expect(ev).toContain("Logs DELETE_COMPLETE");
    expect(ev.at(-1)).toBe("broken ROLLBACK_COMPLETE");
    expect(s.Outputs).toBeUndefined();
    const groups = await t.local.registry.backends.client.call("logs", "DescribeLogGroups", { logGroupNamePrefix: "broken" }, { accountId: "000000000000", region: "us-east-1" } as never);
    expect(groups.logGroups).toEqual([]);
    expect((await cfn.error("UpdateStack", { StackName: "broken", UsePreviousTemplate: true })).message).toBe(`Stack:${s.StackId} is in ROLLBACK_COMPLETE state and can not be updated.`);
    await cfn.call("DeleteStack", { StackName: "broken" });
  });

  it("with DisableRollback leaves the stack in CREATE_FAILED and what was made in place, until RollbackStack", async () => {
    await cfn.call("CreateStack", { StackName: "kept", TemplateBody: template("failing.yaml"), DisableRollback: true });
    const s = await stack("kept");
    expect([s.StackStatus, s.StackStatusReason]).toEqual(["CREATE_FAILED", "The following resource(s) failed to create: [Service]. "]);
    expect((await resource("kept", "Logs")).ResourceStatus).toBe("CREATE_COMPLETE");
    await cfn.call("RollbackStack", { StackName: "kept" });
    expect((await stack("kept")).StackStatus).toBe("ROLLBACK_COMPLETE");
    expect((await events("kept")).at(-1)).toBe("kept ROLLBACK_COMPLETE");
    expect((await events("kept")).includes("Logs DELETE_COMPLETE")).toBe(true);
    expect((await cfn.error("RollbackStack", { StackName: "kept" })).message).toBe(`Stack:${s.StackId} is in ROLLBACK_COMPLETE state and can not be rolled back.`);
    await cfn.call("DeleteStack", { StackName: "kept" });
    expect((await cfn.call("DescribeStacks", { StackName: s.StackId })).Stacks[0].StackStatus).toBe("DELETE_COMPLETE");
  });
});

describe("a Fargate service behind a load balancer", () => {
  it("makes the load balancer, target group, listener and rule through ELBv2, and the service registers its task", async () => {
    const Parameters = [{ ParameterKey: "VpcId", ParameterValue: defaultVpcId("000000000000", "us-east-1") }, { ParameterKey: "Subnets", ParameterValue: `${SUBNET_A},${SUBNET_B}` }];
    await cfn.call("CreateStack", { StackName: "alb", TemplateBody: template("alb-service.yaml"), Parameters });
    const s = await stack("alb");
    expect(s.StackStatus).toBe("CREATE_COMPLETE");
    const out = Object.fromEntries(s.Outputs.map((o: any) => [o.OutputKey, o.OutputValue]));
    expect(out.Url).toMatch(/^http:\/\/alb-LoadBalancer-[A-Z0-9]{13}-\d+\.us-east-1\.elb\.amazonaws\.com\/$/);
    expect(out.TargetGroupName).toMatch(/^alb-TargetGroup-[A-Z0-9]{13}$/);
    const elb = queryCaller(t, "elbv2");
    const tg = (await resource("alb", "TargetGroup")).PhysicalResourceId;
    const health = (await elb.call("DescribeTargetHealth", { TargetGroupArn: tg })).TargetHealthDescriptions;
    expect(health.map((h: any) => h.Target.Port)).toEqual([80]);
    const rules = (await elb.call("DescribeRules", { ListenerArn: (await resource("alb", "Listener")).PhysicalResourceId })).Rules;
    expect(rules.map((r: any) => [r.Priority, r.Conditions[0]?.Values ?? []])).toEqual([["10", ["/api/*"]], ["default", []]]);
    const lb = (await resource("alb", "LoadBalancer")).PhysicalResourceId;
    const attrs = (await elb.call("DescribeLoadBalancerAttributes", { LoadBalancerArn: lb })).Attributes;
    expect(attrs.find((a: any) => a.Key === "idle_timeout.timeout_seconds").Value).toBe("30");
    const bad = await cfn.error("CreateStack", { StackName: "alb2", TemplateBody: template("alb-service.yaml"), Parameters: [{ ParameterKey: "VpcId", ParameterValue: "vpc-0123456789abcdef0" }, Parameters[1]] });
    expect(bad.message).toBe("Parameter validation failed: parameter value vpc-0123456789abcdef0 for parameter name VpcId does not exist.");
  });
});

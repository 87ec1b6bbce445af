// IAM and SSM resources: made through IAM's and SSM's own operations, with the capabilities
// CloudFormation requires, updated in place (a new policy version, a new parameter version) and
// deleted with everything IAM needs removed first.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { jsonCalls } from "../helpers/json.js";

const body = readFileSync(new URL("./templates/iam-ssm.yaml", import.meta.url), "utf8");

let t: TestLocal;
let cfn: QueryCaller;
let iam: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  cfn = queryCaller(t, "cloudformation");
  iam = queryCaller(t, "iam");
});
afterAll(() => t.close());

const outputs = async (name: string) => Object.fromEntries((await cfn.call("DescribeStacks", { StackName: name })).Stacks[0].Outputs.map((o: any) => [o.OutputKey, o.OutputValue]));

describe("IAM and SSM resources", () => {
  it("need CAPABILITY_IAM, then are made through IAM and SSM", async () => {
    const refused = await cfn.error("CreateStack", { StackName: "roles", TemplateBody: body });
    expect([refused.code, refused.message]).toEqual(["InsufficientCapabilitiesException", "Requires capabilities : [CAPABILITY_IAM]"]);
    await cfn.call("CreateStack", { StackName: "roles", TemplateBody: body, Capabilities: ["CAPABILITY_IAM"] });
    const s = (await cfn.call("DescribeStacks", { StackName: "roles" })).Stacks[0];
    expect(s.StackStatus).toBe("CREATE_COMPLETE");
    const out = await outputs("roles");
    const roleName = out.RoleArn.split("/").pop();
    expect(roleName).toMatch(/^roles-ExecutionRole-[A-Z0-9]{13}$/);
    expect(out.RoleArn).toBe(`arn:aws:iam::000000000000:role/${roleName}`);
    expect((await iam.call("ListAttachedRolePolicies", { RoleName: roleName })).AttachedPolicies.map((p: any) => p.PolicyArn).sort()).toEqual(
      [out.PolicyArn, "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"].sort(),
    );
    expect((await iam.call("ListRolePolicies", { RoleName: roleName })).PolicyNames.sort()).toEqual(["extra", "read-greeting"]);
    expect((await iam.call("GetInstanceProfile", { InstanceProfileName: out.ProfileArn.split("/").pop() })).InstanceProfile.Roles.map((r: any) => r.RoleName)).toEqual([roleName]);
    expect(out.Parameter).toMatch(/^CFN-GreetingParameter-[A-Za-z0-9]{12}$/);
    expect(out.ParameterValue).toBe("hello");
    const ssm = jsonCalls(t, "ssm");
    expect((await ssm.call("GetParameter", { Name: out.Parameter })).Parameter).toMatchObject({ Value: "hello", Version: 1, Type: "String" });
    const td = (await t.ecs("DescribeTaskDefinition", { taskDefinition: (await cfn.call("DescribeStackResource", { StackName: "roles", LogicalResourceId: "TaskDef" })).StackResourceDetail.PhysicalResourceId })).taskDefinition!;
    expect(td.executionRoleArn).toBe(out.RoleArn);
  });

  it("update in place: a new default policy version and a new parameter version", async () => {
    const out = await outputs("roles");
    await cfn.call("UpdateStack", {
      StackName: "roles",
      UsePreviousTemplate: true,
      Capabilities: ["CAPABILITY_IAM"],
      Parameters: [{ ParameterKey: "Greeting", ParameterValue: "bonjour" }, { ParameterKey: "Actions", ParameterValue: "logs:PutLogEvents" }],
    });
    expect((await cfn.call("DescribeStacks", { StackName: "roles" })).Stacks[0].StackStatus).toBe("UPDATE_COMPLETE");
    expect(await outputs("roles")).toEqual({ ...out, ParameterValue: "bonjour" });
    const policy = (await iam.call("GetPolicy", { PolicyArn: out.PolicyArn })).Policy;
    expect(policy.DefaultVersionId).toBe("v2");
    const ssm = jsonCalls(t, "ssm");
    expect((await ssm.call("GetParameter", { Name: out.Parameter })).Parameter).toMatchObject({ Value: "bonjour", Version: 2 });
  });

  it("deletes roles with their policies and profiles", async () => {
    const out = await outputs("roles");
    await cfn.call("DeleteStack", { StackName: "roles" });
    const events = (await cfn.call("DescribeStackEvents", { StackName: (await cfn.call("ListStacks", { StackStatusFilter: ["DELETE_COMPLETE"] })).StackSummaries[0].StackId })).StackEvents;
    expect(events[0].ResourceStatus).toBe("DELETE_COMPLETE");
    expect(events.filter((e: any) => e.ResourceStatus === "DELETE_FAILED")).toEqual([]);
    expect((await iam.error("GetRole", { RoleName: out.RoleArn.split("/").pop() })).code).toBe("NoSuchEntity");
    expect((await iam.error("GetPolicy", { PolicyArn: out.PolicyArn })).code).toBe("NoSuchEntity");
    expect((await jsonCalls(t, "ssm").error("GetParameter", { Name: out.Parameter })).code).toBe("ParameterNotFound");
  });

  it("resolves SSM-typed parameters (public ones too) and {{resolve:ssm:…}} through SSM", async () => {
    const ssm = jsonCalls(t, "ssm");
    await ssm.call("PutParameter", { Name: "/team/name", Value: "blue", Type: "String" });
    await ssm.call("PutParameter", { Name: "/team/name", Value: "green", Type: "String", Overwrite: true });
    const template = [
      "Parameters:",
      "  ImageId: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: /aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id }",
      "Resources:",
      "  Group:",
      "    Type: AWS::Logs::LogGroup",
      "    Properties: { LogGroupName: '/{{resolve:ssm:/team/name:1}}/{{resolve:ssm:/team/name}}' }",
      "Outputs:",
      "  Image: { Value: !Ref ImageId }",
    ].join("\n");
    await cfn.call("CreateStack", { StackName: "resolved", TemplateBody: template });
    const s = (await cfn.call("DescribeStacks", { StackName: "resolved" })).Stacks[0];
    expect(s.StackStatus).toBe("CREATE_COMPLETE");
    const image = (await ssm.call("GetParameter", { Name: "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id" })).Parameter.Value;
    expect(image).toMatch(/^ami-[0-9a-f]{17}$/);
    expect(s.Parameters).toEqual([{ ParameterKey: "ImageId", ParameterValue: "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id", ResolvedValue: image }]);
    expect(s.Outputs).toEqual([{ OutputKey: "Image", OutputValue: image }]);
    expect((await cfn.call("DescribeStackResource", { StackName: "resolved", LogicalResourceId: "Group" })).StackResourceDetail.PhysicalResourceId).toBe("/blue/green");
  });

  it("a template in the shape the CDK synthesizes deploys through its change set, once the bootstrap version is in SSM", async () => {
    const cdk = readFileSync(new URL("./templates/cdk-fargate.json", import.meta.url), "utf8");
    const create = { StackName: "CdkApp", ChangeSetName: "cdk-deploy-change-set", ChangeSetType: "CREATE", TemplateBody: cdk, Capabilities: ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"], ClientToken: "exec-1" };
    const missing = await cfn.error("CreateChangeSet", create);
    expect(missing.message).toBe("Unable to fetch parameters [/cdk-bootstrap/hnb659fds/version] from parameter store for this account.");
    const ssm = jsonCalls(t, "ssm");
    await ssm.call("PutParameter", { Name: "/cdk-bootstrap/hnb659fds/version", Value: "5", Type: "String" });
    expect((await cfn.error("CreateChangeSet", create)).message).toBe("CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a recent version of the CDK CLI.");
    await ssm.call("PutParameter", { Name: "/cdk-bootstrap/hnb659fds/version", Value: "28", Type: "String", Overwrite: true });
    const { Id } = await cfn.call("CreateChangeSet", create);
    const cs = await cfn.call("DescribeChangeSet", { ChangeSetName: Id });
    expect([cs.Status, cs.Changes.length]).toEqual(["CREATE_COMPLETE", 16]);
    await cfn.call("ExecuteChangeSet", { ChangeSetName: Id });
    const s = (await cfn.call("DescribeStacks", { StackName: "CdkApp" })).Stacks[0];
    expect(s.StackStatus).toBe("CREATE_COMPLETE");
    const cluster = s.Outputs[0].OutputValue;
    expect(cluster).toMatch(/^CdkApp-ClusterEB0386A7-[A-Za-z0-9]{12}$/);
    const service = (await cfn.call("DescribeStackResource", { StackName: "CdkApp", LogicalResourceId: "ServiceD69D759B" })).StackResourceDetail;
    expect(JSON.parse(service.Metadata)).toEqual({});
    const svc = (await t.ecs("DescribeServices", { cluster, services: [service.PhysicalResourceId] })).services![0];
    expect([svc.runningCount, svc.taskDefinition]).toEqual([2, "arn:aws:ecs:us-east-1:000000000000:task-definition/CdkAppTaskDef9C3E1E3F:1"]);
    const metadata = (await cfn.call("DescribeStackResource", { StackName: "CdkApp", LogicalResourceId: "Vpc8378EB38" })).StackResourceDetail.Metadata;
    expect(JSON.parse(metadata)).toEqual({ "aws:cdk:path": "CdkApp/Vpc/Resource" });
  });

  it("a service-linked role is made by IAM under the service's own name", async () => {
    const body = "Resources:\n  Linked:\n    Type: AWS::IAM::ServiceLinkedRole\n    Properties: { AWSServiceName: autoscaling.amazonaws.com, CustomSuffix: cfn, Description: made by a stack }";
    await cfn.call("CreateStack", { StackName: "linked", TemplateBody: body, Capabilities: ["CAPABILITY_IAM"] });
    expect((await cfn.call("DescribeStacks", { StackName: "linked" })).Stacks[0].StackStatus).toBe("CREATE_COMPLETE");
    const name = (await cfn.call("DescribeStackResource", { StackName: "linked", LogicalResourceId: "Linked" })).StackResourceDetail.PhysicalResourceId;
    expect(name).toBe("AWSServiceRoleForAutoScaling_cfn");
    const role = (await iam.call("GetRole", { RoleName: name })).Role;
    expect([role.Path, role.Description]).toEqual(["/aws-service-role/autoscaling.amazonaws.com/", "made by a stack"]);
    await cfn.call("DeleteStack", { StackName: "linked" });
    const events = (await cfn.call("DescribeStackEvents", { StackName: (await cfn.call("ListStacks", { StackStatusFilter: ["DELETE_COMPLETE"] })).StackSummaries[0].StackId })).StackEvents;
    expect(events.filter((e: any) => e.ResourceStatus === "DELETE_FAILED")).toEqual([]);
  });
});

// Templates: the checks a template must pass (AWS's texts), intrinsic functions and conditions,
// exports and imports between stacks, change sets, DeletionPolicy and termination protection.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";

const template = (name: string) => readFileSync(new URL(`./templates/${name}`, import.meta.url), "utf8");
const yaml = (resources: string) => `Resources:\n${resources}`;

let t: TestLocal;
let cfn: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  cfn = queryCaller(t, "cloudformation");
});
afterAll(() => t.close());

const stack = async (name: string) => (await cfn.call("DescribeStacks", { StackName: name })).Stacks[0];
const refused = async (body: string, extra: Record<string, unknown> = {}) => (await cfn.error("CreateStack", { StackName: "bad", TemplateBody: body, ...extra })).message;

describe("template checks", () => {
  it("answers AWS's texts for broken templates and parameters", async () => {
    expect(await refused("{ not json")).toMatch(/^Template format error: JSON not well-formed\. \(line 1, column \d+\)$/);
    expect(await refused("Resources:\n  A:\n    Type: [AWS::Logs::LogGroup\n")).toMatch(/^Template format error: YAML not well-formed\. \(line \d+, column \d+\)$/);
    expect(await refused("Resources: {}")).toBe("Template format error: At least one Resources member must be defined.");
    const big = `${yaml("  A:\n    Type: AWS::Logs::LogGroup")}\nDescription: "${"x".repeat(51_200)}"`;
    expect(await refused(big)).toMatch(/^1 validation error detected: Value '.*' at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to 51200$/s);
    expect(await refused(yaml("  A:\n    Type: AWS::Foo::Bar\n  B:\n    Type: AWS::SQS::Queue"))).toBe("Template format error: Unrecognized resource types: [AWS::Foo::Bar, AWS::SQS::Queue]");
    expect(await refused(yaml("  A:\n    Type: AWS::Logs::LogGroup\n    DependsOn: B\n  B:\n    Type: AWS::Logs::LogGroup\n    Properties: { LogGroupName: !Ref A }"))).toBe("Circular dependency between resources: [A, B]");
    expect(await refused(yaml("  A:\n    Type: AWS::Logs::LogGroup\n    Properties: { LogGroupName: !Ref Nope }"))).toBe("Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template");
    expect(await refused(yaml("  A:\n    Type: AWS::Logs::LogGroup\n  B:\n    Type: AWS::Logs::LogGroup\n    Properties: { LogGroupName: !GetAtt A.Nope }"))).toBe("Template error: resource A does not support attribute type Nope in Fn::GetAtt");
    expect(await refused(`Parameters:\n  P: { Type: String }\n  Q: { Type: Number }\n${yaml("  A:\n    Type: AWS::Logs::LogGroup")}`)).toBe("Parameters: [P, Q] must have values");
    expect(await refused(`Parameters:\n  P: { Type: Strin }\n${yaml("  A:\n    Type: AWS::Logs::LogGroup")}`)).toBe("Template format error: Unrecognized parameter type: Strin");
    expect(await refused(yaml("  R:\n    Type: AWS::IAM::Role\n    Properties: { RoleName: r }"))).toBe("Requires capabilities : [CAPABILITY_NAMED_IAM]");
    expect((await cfn.error("CreateStack", { StackName: "bad", TemplateBody: yaml("  R:\n    Type: AWS::IAM::Role") })).code).toBe("InsufficientCapabilitiesException");
    expect(await refused(`Transform: AWS::Serverless-2016-10-31\n${yaml("  A:\n    Type: AWS::Logs::LogGroup")}`)).toBe("ecs-local does not process template transforms (AWS::Serverless-2016-10-31).");
    expect(await refused(yaml("  A:\n    Type: AWS::Logs::LogGroup"), { TemplateURL: "https://s3.amazonaws.com/no-such-bucket/t.yaml", TemplateBody: undefined })).toBe("TemplateURL must reference a valid S3 object to which you have access.");
    expect(await refused(yaml("  A:\n    Type: AWS::Logs::LogGroup\n    Properties: { LogGroupName: !ImportValue nowhere }"))).toBe("No export named nowhere found");
    const rules = [
      "Parameters:",
      "  BootstrapVersion: { Type: String, Default: '5' }",
      "Rules:",
      "  CheckBootstrapVersion:",
      "    Assertions:",
      "      - Assert: { 'Fn::Not': [{ 'Fn::Contains': [['1', '2', '3', '4', '5'], { Ref: BootstrapVersion }] }] }",
      "        AssertDescription: CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a recent version of the CDK CLI.",
      yaml("  H:\n    Type: AWS::CloudFormation::WaitConditionHandle"),
    ].join("\n");
    expect(await refused(rules)).toBe("CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a recent version of the CDK CLI.");
    await cfn.call("CreateStack", { StackName: "ruled", TemplateBody: rules, Parameters: [{ ParameterKey: "BootstrapVersion", ParameterValue: "6" }] });
    expect((await stack("ruled")).StackStatus).toBe("CREATE_COMPLETE");
    await cfn.call("DeleteStack", { StackName: "ruled" });
    expect((await cfn.call("ListStacks")).StackSummaries.filter((s: any) => s.StackName === "bad")).toEqual([]);
  });

  it("ValidateTemplate and GetTemplateSummary describe parameters, capabilities and types", async () => {
    const v = await cfn.call("ValidateTemplate", { TemplateBody: template("exports.json") });
    expect(v.Parameters.map((p: any) => [p.ParameterKey, p.DefaultValue, p.NoEcho])).toEqual([["Name", "shared", false], ["Secret", "hunter2", true], ["Ports", "80,443", false]]);
    const s = await cfn.call("GetTemplateSummary", { TemplateBody: yaml("  R:\n    Type: AWS::IAM::Role") });
    expect([s.Capabilities, s.CapabilitiesReason, s.ResourceTypes]).toEqual([["CAPABILITY_IAM"], "The following resource(s) require capabilities: [AWS::IAM::Role]", ["AWS::IAM::Role"]]);
  });
});

describe("intrinsic functions, conditions, exports and imports", () => {
  it("evaluates outputs, skips what a false condition excludes, masks NoEcho, exports, and keeps a Retain resource", async () => {
    await cfn.call("CreateStack", { StackName: "exporter", TemplateBody: template("exports.json") });
    const s = await stack("exporter");
    expect(s.StackStatus).toBe("CREATE_COMPLETE");
    expect(s.Parameters.find((p: any) => p.ParameterKey === "Secret").ParameterValue).toBe("****");
    expect(Object.fromEntries(s.Outputs.map((o: any) => [o.OutputKey, o.OutputValue]))).toEqual({ GroupName: "/app/shared-us-east-1", Second: "443", Encoded: "aGk=", Split: "a|b", Length: "3" });
    const resources = (await cfn.call("ListStackResources", { StackName: "exporter" })).StackResourceSummaries.map((r: any) => r.LogicalResourceId).sort();
    expect(resources).toEqual(["Group", "Handle"]);
    const handle = (await cfn.call("DescribeStackResource", { StackName: "exporter", LogicalResourceId: "Handle" })).StackResourceDetail.PhysicalResourceId;
    expect(handle).toMatch(/^https:\/\/cloudformation-waitcondition-us-east-1\.s3\.amazonaws\.com\/arn%3Aaws%3Acloudformation%3Aus-east-1%3A000000000000%3Astack%2Fexporter%2F/);

    const importer = yaml("  Stream:\n    Type: AWS::Logs::LogStream\n    Properties:\n      LogGroupName: !ImportValue shared-group\n      LogStreamName: s1");
    await cfn.call("CreateStack", { StackName: "importer", TemplateBody: importer });
    expect((await stack("importer")).StackStatus).toBe("CREATE_COMPLETE");
    expect((await cfn.call("ListImports", { ExportName: "shared-group" })).Imports).toEqual(["importer"]);
    const twin = `${yaml("  H:\n    Type: AWS::CloudFormation::WaitConditionHandle")}\nOutputs:\n  X:\n    Value: v\n    Export: { Name: shared-group }`;
    await cfn.call("CreateStack", { StackName: "twin", TemplateBody: twin });
    expect([(await stack("twin")).StackStatus, (await cfn.call("DescribeStackEvents", { StackName: "twin" })).StackEvents.find((e: any) => e.ResourceStatus === "ROLLBACK_IN_PROGRESS").ResourceStatusReason]).toEqual(["ROLLBACK_COMPLETE", "Export with name shared-group is already exported by stack exporter"]);
    await cfn.call("DeleteStack", { StackName: "twin" });
  });

  it("an export in use can be neither changed nor deleted", async () => {
    await cfn.call("UpdateStack", { StackName: "exporter", UsePreviousTemplate: true, Parameters: [{ ParameterKey: "Name", ParameterValue: "other" }] });
    const s = await stack("exporter");
    expect(s.StackStatus).toBe("UPDATE_ROLLBACK_COMPLETE");
    const events = (await cfn.call("DescribeStackEvents", { StackName: "exporter" })).StackEvents;
    expect(events.find((e: any) => e.ResourceStatus === "UPDATE_ROLLBACK_IN_PROGRESS").ResourceStatusReason).toBe("Export shared-group cannot be deleted as it is in use by importer");
    await cfn.call("DeleteStack", { StackName: "exporter" });
    expect([(await stack("exporter")).StackStatus, (await stack("exporter")).StackStatusReason]).toEqual(["UPDATE_ROLLBACK_COMPLETE", "Export shared-group cannot be deleted as it is in use by importer"]);
    await cfn.call("DeleteStack", { StackName: "importer" });
    await cfn.call("DeleteStack", { StackName: "exporter" });
    const events2 = (await cfn.call("DescribeStackEvents", { StackName: s.StackId })).StackEvents;
    expect(events2.find((e: any) => e.LogicalResourceId === "Group").ResourceStatus).toBe("DELETE_SKIPPED");
    const groups = t.local.registry.backends.client.call("logs", "DescribeLogGroups", { logGroupNamePrefix: "/app/" }, { accountId: "000000000000", region: "us-east-1" } as never);
    expect(groups.logGroups.map((g: any) => g.logGroupName)).toEqual(["/app/shared-us-east-1"]);
  });
});

describe("the AWS::LanguageExtensions transform", () => {
  it("expands Fn::ForEach over a list parameter in Resources and Outputs", async () => {
    const body = [
      "Transform: AWS::LanguageExtensions",
      "Parameters:",
      "  Names: { Type: CommaDelimitedList, Default: 'a,b' }",
      "Mappings:",
      "  Sizes: { eu-west-1: { Cpu: '512' } }",
      "Resources:",
      "  'Fn::ForEach::Groups':",
      "    - Name",
      "    - !Ref Names",
      "    - 'Group&{Name}':",
      "        Type: AWS::Logs::LogGroup",
      "        Properties: { LogGroupName: !Sub '/loop/${Name}' }",
      "Outputs:",
      "  Count: { Value: !Length { Ref: Names } }",
      "  Size: { Value: !FindInMap [Sizes, !Ref 'AWS::Region', Cpu, { DefaultValue: '256' }] }",
      "  'Fn::ForEach::Out':",
      "    - Name",
      "    - !Ref Names",
      "    - 'Arn&{Name}': { Value: !GetAtt 'Group&{Name}.Arn' }",
    ].join("\n");
    expect((await cfn.call("ValidateTemplate", { TemplateBody: body })).DeclaredTransforms).toEqual(["AWS::LanguageExtensions"]);
    await cfn.call("CreateStack", { StackName: "loops", TemplateBody: body, Parameters: [{ ParameterKey: "Names", ParameterValue: "x,y-z,w" }] });
    const s = await stack("loops");
    expect(s.StackStatus).toBe("CREATE_COMPLETE");
    const ids = (await cfn.call("ListStackResources", { StackName: "loops" })).StackResourceSummaries.map((r: any) => [r.LogicalResourceId, r.PhysicalResourceId]).sort();
    expect(ids).toEqual([["Groupw", "/loop/w"], ["Groupx", "/loop/x"], ["Groupyz", "/loop/y-z"]]);
    const outputs = Object.fromEntries(s.Outputs.map((o: any) => [o.OutputKey, o.OutputValue]));
    expect([outputs.Count, outputs.Size]).toEqual(["3", "256"]);
    expect(s.Outputs.map((o: any) => o.OutputKey).sort()).toEqual(["Arnw", "Arnx", "Arnyz", "Count", "Size"]);
    expect((await cfn.call("GetTemplate", { StackName: "loops" })).TemplateBody).toBe(body);
    const processed = JSON.parse((await cfn.call("GetTemplate", { StackName: "loops", TemplateStage: "Processed" })).TemplateBody);
    expect([processed.Transform, Object.keys(processed.Resources).sort()]).toEqual([undefined, ["Groupw", "Groupx", "Groupyz"]]);
  });
});

describe("change sets", () => {
  const v1 = yaml("  Cluster:\n    Type: AWS::ECS::Cluster\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties: { RetentionInDays: 7 }");
  const v2 = yaml("  Cluster:\n    Type: AWS::ECS::Cluster\n    Properties: { ClusterName: renamed }\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties: { RetentionInDays: 14 }");

  it("CREATE leaves the stack in REVIEW_IN_PROGRESS; the change set lists additions and executes", async () => {
    const { Id, StackId } = await cfn.call("CreateChangeSet", { StackName: "cs", ChangeSetName: "first", ChangeSetType: "CREATE", TemplateBody: v1 });
    expect(Id).toMatch(/^arn:aws:cloudformation:us-east-1:000000000000:changeSet\/first\/[0-9a-f-]{36}$/);
    expect((await cfn.call("DescribeStacks", { StackName: StackId })).Stacks[0].StackStatus).toBe("REVIEW_IN_PROGRESS");
    const d = await cfn.call("DescribeChangeSet", { ChangeSetName: Id });
    expect([d.Status, d.ExecutionStatus]).toEqual(["CREATE_COMPLETE", "AVAILABLE"]);
    expect(d.Changes.map((c: any) => [c.ResourceChange.Action, c.ResourceChange.LogicalResourceId, c.ResourceChange.ResourceType])).toEqual([["Add", "Cluster", "AWS::ECS::Cluster"], ["Add", "Logs", "AWS::Logs::LogGroup"]]);
    expect((await cfn.error("CreateChangeSet", { StackName: "cs", ChangeSetName: "again", ChangeSetType: "UPDATE", TemplateBody: v1 })).message).toBe(`Stack:${StackId} is in REVIEW_IN_PROGRESS state and can not be updated.`);
    await cfn.call("ExecuteChangeSet", { ChangeSetName: "first", StackName: "cs" });
    expect((await stack("cs")).StackStatus).toBe("CREATE_COMPLETE");
    const listed = (await cfn.call("ListChangeSets", { StackName: "cs" })).Summaries;
    expect(listed.map((c: any) => [c.ChangeSetName, c.Status, c.ExecutionStatus])).toEqual([["first", "CREATE_COMPLETE", "EXECUTE_COMPLETE"]]);
    expect((await cfn.error("ExecuteChangeSet", { ChangeSetName: Id })).message).toBe(`ChangeSet [${Id}] cannot be executed in its current execution status of [EXECUTE_COMPLETE]`);
  });

  it("UPDATE lists a replacement and an update in place; an empty one fails with AWS's reason", async () => {
    const cluster = (await cfn.call("DescribeStackResource", { StackName: "cs", LogicalResourceId: "Cluster" })).StackResourceDetail.PhysicalResourceId;
    await cfn.call("CreateChangeSet", { StackName: "cs", ChangeSetName: "second", TemplateBody: v2 });
    const d = await cfn.call("DescribeChangeSet", { ChangeSetName: "second", StackName: "cs" });
    const byId = Object.fromEntries(d.Changes.map((c: any) => [c.ResourceChange.LogicalResourceId, c.ResourceChange]));
    expect(byId.Cluster).toMatchObject({ Action: "Modify", PhysicalResourceId: cluster, Replacement: "True", Scope: ["Properties"] });
    expect(byId.Cluster.Details).toEqual([{ Target: { Attribute: "Properties", Name: "ClusterName", RequiresRecreation: "Always" }, Evaluation: "Static", ChangeSource: "DirectModification" }]);
    expect(byId.Logs).toMatchObject({ Action: "Modify", Replacement: "False" });
    await cfn.call("CreateChangeSet", { StackName: "cs", ChangeSetName: "empty", TemplateBody: v1 });
    const e = await cfn.call("DescribeChangeSet", { ChangeSetName: "empty", StackName: "cs" });
    expect([e.Status, e.ExecutionStatus, e.StatusReason]).toEqual(["FAILED", "UNAVAILABLE", "The submitted information didn't contain changes. Submit different information to create a change set."]);
    const refused = await cfn.error("ExecuteChangeSet", { ChangeSetName: "empty", StackName: "cs" });
    expect([refused.code, refused.message]).toEqual(["InvalidChangeSetStatus", `ChangeSet [${e.ChangeSetId}] cannot be executed in its current status of [FAILED]`]);
    expect((await cfn.error("DescribeChangeSet", { ChangeSetName: "nope", StackName: "cs" })).code).toBe("ChangeSetNotFound");
    // A failed change set's name is free again (the CLI names them by the second).
    const retried = await cfn.call("CreateChangeSet", { StackName: "cs", ChangeSetName: "empty", TemplateBody: v2 });
    expect(retried.Id).not.toBe(e.ChangeSetId);
    expect((await cfn.call("DescribeChangeSet", { ChangeSetName: retried.Id })).Status).toBe("CREATE_COMPLETE");
    // The same name again: the same request answers the same change set; another template is refused.
    const again = await cfn.call("CreateChangeSet", { StackName: "cs", ChangeSetName: "second", TemplateBody: v2 });
    expect(again.Id).toBe(d.ChangeSetId);
    expect((await cfn.error("CreateChangeSet", { StackName: "cs", ChangeSetName: "second", TemplateBody: v1 })).message).toBe("ChangeSet second cannot be created due to a mismatch with existing attribute Template");
    await cfn.call("ExecuteChangeSet", { ChangeSetName: "second", StackName: "cs" });
    expect((await stack("cs")).StackStatus).toBe("UPDATE_COMPLETE");
    expect((await cfn.call("DescribeStackResource", { StackName: "cs", LogicalResourceId: "Cluster" })).StackResourceDetail.PhysicalResourceId).toBe("renamed");
    expect((await t.ecs("DescribeClusters", { clusters: [cluster!] })).clusters![0].status).toBe("INACTIVE");
  });

  it("OnStackFailure DELETE deletes a stack whose creation failed; imports are refused honestly", async () => {
    const failing = yaml("  S:\n    Type: AWS::Logs::LogStream\n    Properties: { LogGroupName: no-such-group }");
    const { Id, StackId } = await cfn.call("CreateChangeSet", { StackName: "doomed", ChangeSetName: "c1", ChangeSetType: "CREATE", TemplateBody: failing, OnStackFailure: "DELETE" });
    await cfn.call("ExecuteChangeSet", { ChangeSetName: Id });
    const s = (await cfn.call("DescribeStacks", { StackName: StackId })).Stacks[0];
    expect(s.StackStatus).toBe("DELETE_COMPLETE");
    const ev = (await cfn.call("DescribeStackEvents", { StackName: StackId })).StackEvents.map((e: any) => `${e.LogicalResourceId} ${e.ResourceStatus}`);
    expect(ev.slice(0, 4)).toEqual(["doomed DELETE_COMPLETE", "doomed DELETE_IN_PROGRESS", "doomed ROLLBACK_COMPLETE", "S DELETE_COMPLETE"]);
    const refused = await cfn.error("CreateChangeSet", { StackName: "imp", ChangeSetName: "c", ChangeSetType: "IMPORT", TemplateBody: failing });
    expect([refused.code, refused.message]).toEqual(["UnsupportedOperation", "ecs-local does not import existing resources into stacks (ChangeSetType IMPORT)."]);
  });

  it("termination protection refuses a delete in AWS's words", async () => {
    await cfn.call("UpdateTerminationProtection", { StackName: "cs", EnableTerminationProtection: true });
    expect((await cfn.error("DeleteStack", { StackName: "cs" })).message).toBe("Stack [cs] cannot be deleted while TerminationProtection is enabled");
    await cfn.call("UpdateTerminationProtection", { StackName: "cs", EnableTerminationProtection: false });
    await cfn.call("DeleteStack", { StackName: "cs" });
    expect((await cfn.error("DescribeStacks", { StackName: "cs" })).message).toBe("Stack with id cs does not exist");
  });
});

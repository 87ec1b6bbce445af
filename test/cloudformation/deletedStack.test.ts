// A deleted stack, kept 90 days, keeps only what its reads answer (domain/retention.ts): every read by
// its id answers as it did before the rest was let go.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import type { CloudFormationState } from "../../src/services/cloudformation/context.js";

let t: TestLocal;
let cfn: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  cfn = queryCaller(t, "cloudformation");
});
afterAll(() => t.close());

const state = (): CloudFormationState => t.local.registry.backends.cloudformation.states.get("000000000000", "us-east-1");
const TEMPLATE = JSON.stringify({
  Description: "kept",
  Parameters: { Days: { Type: "Number", Default: 7 } },
  Resources: { Logs: { Type: "AWS::Logs::LogGroup", Properties: { RetentionInDays: { Ref: "Days" } } } },
  Outputs: { Name: { Value: { Ref: "Logs" } } },
});

describe("a deleted stack", () => {
  it("answers its reads by id after letting go of what only a live stack needs", async () => {
    const { StackId } = await cfn.call("CreateStack", { StackName: "gone", TemplateBody: TEMPLATE, Parameters: [{ ParameterKey: "Days", ParameterValue: "14" }], Tags: [{ Key: "team", Value: "blue" }] });
    t.advance(60_000);
    const live = (await cfn.call("DescribeStackEvents", { StackName: StackId })).StackEvents;
    await cfn.call("DeleteStack", { StackName: "gone" });
    t.advance(60_000);

    const rec = state().stacks.get(StackId)!;
    const logs = rec.resources.get("Logs")!;
    expect([rec.previous, logs.properties, logs.attributes, rec.current.values, rec.current.template]).toEqual([undefined, undefined, {}, {}, { Description: "kept", Resources: {} }]);

    const s = (await cfn.call("DescribeStacks", { StackName: StackId })).Stacks[0];
    expect([s.StackStatus, s.Description, s.Parameters, s.Tags, s.Outputs]).toEqual(["DELETE_COMPLETE", "kept", [{ ParameterKey: "Days", ParameterValue: "14" }], [{ Key: "team", Value: "blue" }], undefined]);
    const events = (await cfn.call("DescribeStackEvents", { StackName: StackId })).StackEvents;
    // The events of the create, unchanged under the delete's; a resource's id is its logical id, status and time.
    expect(events.slice(events.length - live.length)).toEqual(live);
    expect(events.map((e: any) => `${e.LogicalResourceId} ${e.ResourceStatus}`)).toEqual([
      "gone DELETE_COMPLETE", "Logs DELETE_COMPLETE", "Logs DELETE_IN_PROGRESS", "gone DELETE_IN_PROGRESS",
      "gone CREATE_COMPLETE", "Logs CREATE_COMPLETE", "Logs CREATE_IN_PROGRESS", "Logs CREATE_IN_PROGRESS", "gone CREATE_IN_PROGRESS",
    ]);
    const deleted = events[1];
    expect([deleted.EventId, deleted.StackId, deleted.StackName, deleted.ResourceType]).toEqual([`Logs-DELETE_COMPLETE-${new Date(deleted.Timestamp * 1000).toISOString()}`, StackId, "gone", "AWS::Logs::LogGroup"]);
    expect([events[0].PhysicalResourceId, events[0].ResourceType, events[0].EventId]).toEqual([StackId, "AWS::CloudFormation::Stack", expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    expect(events[6].ResourceProperties).toBe('{"RetentionInDays":"14"}');

    const resources = (await cfn.call("DescribeStackResources", { StackName: StackId })).StackResources;
    expect(resources.map((r: any) => [r.LogicalResourceId, r.ResourceType, r.ResourceStatus, r.PhysicalResourceId.startsWith("gone-Logs-")])).toEqual([["Logs", "AWS::Logs::LogGroup", "DELETE_COMPLETE", true]]);
    expect((await cfn.call("DescribeStackResource", { StackName: StackId, LogicalResourceId: "Logs" })).StackResourceDetail.Metadata).toBe("{}");
    expect((await cfn.call("GetTemplate", { StackName: StackId })).TemplateBody).toBe(TEMPLATE);
    expect((await cfn.call("GetTemplateSummary", { StackName: StackId })).Parameters).toEqual([{ ParameterKey: "Days", DefaultValue: "7", ParameterType: "Number", NoEcho: false, ParameterConstraints: {} }]);
    expect((await cfn.call("ListStacks", {})).StackSummaries.map((x: any) => [x.StackName, x.StackStatus, x.TemplateDescription])).toEqual([["gone", "DELETE_COMPLETE", "kept"]]);
  });
});

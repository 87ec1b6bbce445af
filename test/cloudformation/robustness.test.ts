// Broken templates get an error in the protocol's envelope (ValidationError, or a failed resource),
// never a 500: every intrinsic function, section and attribute given the wrong shape.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller } from "../helpers/query.js";
let t: TestLocal;
beforeAll(async () => { t = await startLocal(); });
afterAll(() => t.close());
const R = (props: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ Resources: { A: { Type: "AWS::Logs::LogGroup", Properties: props } }, ...extra });
const bodies = [
  R({ LogGroupName: { "Fn::Join": 5 } }), R({ LogGroupName: { "Fn::GetAtt": 5 } }), R({ LogGroupName: { "Fn::Sub": 5 } }), R({ LogGroupName: { "Fn::Sub": ["${x}", 5] } }),
  R({ LogGroupName: { "Fn::Select": ["a", [1]] } }), R({ LogGroupName: { "Fn::Split": [1, 2] } }), R({ LogGroupName: { "Fn::Cidr": ["x", 1, 1] } }), R({ LogGroupName: { "Fn::FindInMap": ["a"] } }),
  R({ LogGroupName: { "Fn::If": ["nope", 1, 2] } }), R({ LogGroupName: { "Fn::ImportValue": { "Fn::Sub": "x" } } }), R({ LogGroupName: { "Fn::Base64": [1] } }), R({ LogGroupName: { Ref: 5 } }),
  R({}, { Conditions: { C: 5 } }), R({}, { Conditions: { C: { "Fn::Equals": [1] } } }), R({}, { Parameters: { P: { Type: "String", AllowedPattern: "(" } } }), R({}, { Parameters: { P: { Type: "String", Default: "x", AllowedPattern: "(" } } }),
  R({}, { Mappings: 5 }), R({}, { Mappings: { M: 5 } }), R({}, { Outputs: 5 }), R({}, { Outputs: { O: 5 } }), R({}, { Outputs: { O: { Value: { "Fn::GetAtt": ["A", "Arn", "x"] } } } }),
  R(null), R(5), JSON.stringify({ Resources: { A: { Type: "AWS::Logs::LogGroup", DependsOn: 5 } } }), JSON.stringify({ Resources: { A: { Type: "AWS::Logs::LogGroup", DependsOn: [{}] } } }),
  JSON.stringify({ Resources: { A: { Type: "AWS::Logs::LogGroup", Condition: 5 } }, Conditions: {} }), JSON.stringify({ Resources: [] }), "[]", "5", "", "Resources:\n  A: !Ref", "Resources: !Sub [1]",
  R({}, { Rules: { R: { Assertions: [{ Assert: 5 }] } } }), R({}, { Rules: 5 }), R({}, { Parameters: { P: { Type: "Number", Default: "x" } } }), R({}, { Parameters: 5 }), R({}, { Parameters: { P: 5 } }),
  R({}, { Description: 5 }), R({}, { Metadata: 5 }), R({ Tags: 5 }), R({ RetentionInDays: "x" }), R({}, { AWSTemplateFormatVersion: 5 }), R({ LogGroupName: { "Fn::ToJsonString": [1] } }),
];
it("answers every broken template without a server error", async () => {
  const cfn = queryCaller(t, "cloudformation");
  const bad: string[] = [];
  let i = 0;
  for (const body of bodies) {
    for (const op of ["ValidateTemplate", "CreateStack", "GetTemplateSummary"]) {
      const form: [string, string][] = [["Action", op], ["Version", "2010-05-15"], ["TemplateBody", body], ...(op === "CreateStack" ? [["StackName", `f${i++}`] as [string, string]] : [])];
      const res = await cfn.raw(form);
      if (res.status >= 500) bad.push(`${op} ${body} ${res.text}`);
    }
  }
  const stacks = (await cfn.call("ListStacks")).StackSummaries;
  for (const s of stacks) {
    const ev = await cfn.raw([["Action", "DescribeStackEvents"], ["Version", "2010-05-15"], ["StackName", s.StackId]]);
    if (ev.status >= 500) bad.push(`events ${s.StackName}`);
  }
  expect(bad).toEqual([]);
}, 120_000);

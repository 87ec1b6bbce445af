// The same EC2, CloudFormation and ECS (answersEcs.ts) requests against a server of this tree, every answer printed (request
// ids left out): run it from two trees (a copy of this file in each) and compare the outputs, to show
// that a change inside the stores moved no byte on the wire. Instances launched alike, changed one
// by one; stacks created, deleted, and read by id after their deletion.
//
//   node --import tsx bench/answers.ts > answers.txt
import { createServer, request, Agent } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "../src/app.js";
import { ManualClock } from "../src/engine/clock.js";
import { ecsAnswers } from "./answersEcs.js";

async function main(): Promise<void> {
  const VERSIONS: Record<string, string> = { ec2: "2016-11-15", cloudformation: "2010-05-15" };
  const agent = new Agent({ keepAlive: true });
  const clock = new ManualClock();
  const local = createApp({ config: { elbPortOffset: -1, seed: "wire", validateOutput: true }, clock });
  await local.ready;
  const server = createServer(local.handle);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const advance = (ms: number) => local.timeline.advance(ms, (at: number) => clock.set(at));
  async function q(service: string, params: Record<string, string>) {
    const body = new URLSearchParams({ ...params, Version: VERSIONS[service] }).toString();
    const text: string = await new Promise((resolve, reject) => {
      const req = request(url, { method: "POST", agent, headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8", authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`, "content-length": Buffer.byteLength(body) } }, (res) => {
        const c: Buffer[] = []; res.on("data", (d) => c.push(d)); res.on("end", () => resolve(`${res.statusCode} ${Buffer.concat(c).toString()}`));
      });
      req.on("error", reject); req.end(body);
    });
    console.log(`### ${service} ${params.Action}\n${text.replace(/<RequestId>[^<]*<\/RequestId>|<requestId>[^<]*<\/requestId>/g, "")}`);
    return text;
  }
  const id = (xml: string, n = 0) => [...xml.matchAll(/<instanceId>(i-[0-9a-f]+)<\/instanceId>/g)].map((m) => m[1])[n];
  const a = await q("ec2", { Action: "RunInstances", ImageId: "ami-0123456789abcdef0", InstanceType: "m5.large", MinCount: "2", MaxCount: "2", "TagSpecification.1.ResourceType": "instance", "TagSpecification.1.Tag.1.Key": "k", "TagSpecification.1.Tag.1.Value": "v", "MetadataOptions.HttpTokens": "required" });
  const b = await q("ec2", { Action: "RunInstances", ImageId: "ami-0123456789abcdef0", InstanceType: "t3.micro", MinCount: "1", MaxCount: "1", "CreditSpecification.CpuCredits": "unlimited", "Monitoring.Enabled": "true", DisableApiTermination: "true", "Placement.AvailabilityZone": "us-east-1b" });
  const i1 = id(a), i2 = id(a, 1), i3 = id(b);
  advance(60_000);
  await q("ec2", { Action: "DescribeInstances" });
  await q("ec2", { Action: "ModifyInstanceAttribute", InstanceId: i3, "DisableApiTermination.Value": "false" });
  await q("ec2", { Action: "ModifyInstanceAttribute", InstanceId: i3, "InstanceInitiatedShutdownBehavior.Value": "terminate" });
  await q("ec2", { Action: "ModifyInstanceCreditSpecification", "InstanceCreditSpecification.1.InstanceId": i3, "InstanceCreditSpecification.1.CpuCredits": "standard" });
  for (const attr of ["disableApiTermination", "instanceInitiatedShutdownBehavior", "productCodes", "groupSet", "enclaveOptions", "disableApiStop"]) await q("ec2", { Action: "DescribeInstanceAttribute", InstanceId: i3, Attribute: attr });
  await q("ec2", { Action: "ModifyInstanceMetadataOptions", InstanceId: i1, HttpTokens: "optional", HttpPutResponseHopLimit: "3" });
  await q("ec2", { Action: "StopInstances", "InstanceId.1": i1 });
  advance(120_000);
  await q("ec2", { Action: "ModifyInstanceAttribute", InstanceId: i1, "InstanceType.Value": "t3.large" });
  await q("ec2", { Action: "DescribeInstanceCreditSpecifications" });
  await q("ec2", { Action: "DescribeInstances", "InstanceId.1": i1, "InstanceId.2": i2 });
  await q("ec2", { Action: "StartInstances", "InstanceId.1": i1 });
  await q("ec2", { Action: "TerminateInstances", "InstanceId.1": i2 });
  advance(120_000);
  await q("ec2", { Action: "DescribeInstances" });
  await q("ec2", { Action: "DescribeInstanceStatus", IncludeAllInstances: "true" });
  await q("ec2", { Action: "DescribeNetworkInterfaces" });
  await q("ec2", { Action: "DescribeVolumes" });
  await q("ec2", { Action: "GetLaunchTemplateData", InstanceId: i3 });

  const template = JSON.stringify({ Description: "wire test", Parameters: { Days: { Type: "Number", Default: 7 } }, Resources: { Logs: { Type: "AWS::Logs::LogGroup", Properties: { RetentionInDays: { Ref: "Days" } } } }, Outputs: { Name: { Value: { Ref: "Logs" }, Export: { Name: "wire-logs" } } } });
  const c = await q("cloudformation", { Action: "CreateStack", StackName: "wire", TemplateBody: template, "Tags.member.1.Key": "team", "Tags.member.1.Value": "x", "Parameters.member.1.ParameterKey": "Days", "Parameters.member.1.ParameterValue": "14", "Capabilities.member.1": "CAPABILITY_IAM" });
  const stackId = /<StackId>([^<]+)<\/StackId>/.exec(c)![1];
  advance(60_000);
  await q("cloudformation", { Action: "DescribeStacks", StackName: "wire" });
  await q("cloudformation", { Action: "DescribeStackEvents", StackName: "wire" });
  const lx = JSON.stringify({ Transform: "AWS::LanguageExtensions", Resources: { "Fn::ForEach::Logs": ["N", ["A", "B"], { "Logs${N}": { Type: "AWS::Logs::LogGroup", Properties: { RetentionInDays: 7 } } }] } });
  const t = await q("cloudformation", { Action: "CreateStack", StackName: "wirelx", TemplateBody: lx });
  const lxId = /<StackId>([^<]+)<\/StackId>/.exec(t)?.[1];
  advance(60_000);
  await q("cloudformation", { Action: "DeleteStack", StackName: "wire" });
  if (lxId) await q("cloudformation", { Action: "DeleteStack", StackName: "wirelx" });
  advance(60_000);
  for (const sid of [stackId, lxId].filter(Boolean) as string[]) {
    await q("cloudformation", { Action: "DescribeStacks", StackName: sid });
    await q("cloudformation", { Action: "DescribeStackEvents", StackName: sid });
    await q("cloudformation", { Action: "DescribeStackResources", StackName: sid });
    await q("cloudformation", { Action: "ListStackResources", StackName: sid });
    await q("cloudformation", { Action: "DescribeStackResource", StackName: sid, LogicalResourceId: "Logs" });
    await q("cloudformation", { Action: "GetTemplate", StackName: sid });
    await q("cloudformation", { Action: "GetTemplate", StackName: sid, TemplateStage: "Processed" });
    await q("cloudformation", { Action: "GetTemplateSummary", StackName: sid });
  }
  await q("cloudformation", { Action: "ListStacks" });
  await q("cloudformation", { Action: "CreateStack", StackName: "wire", TemplateBody: template });
  advance(60_000);
  await q("cloudformation", { Action: "DescribeStackEvents", StackName: "wire" });
  await q("cloudformation", { Action: "ListExports" });

  await ecsAnswers(async (operation, input) => {
    const body = JSON.stringify(input);
    const text: string = await new Promise((resolve, reject) => {
      const headers = { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AmazonEC2ContainerServiceV20141113.${operation}`, authorization: "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=0", "content-length": Buffer.byteLength(body) };
      const req = request(url, { method: "POST", agent, headers }, (res) => {
        const c: Buffer[] = []; res.on("data", (d) => c.push(d)); res.on("end", () => resolve(`${res.statusCode} ${Buffer.concat(c).toString()}`));
      });
      req.on("error", reject); req.end(body);
    });
    console.log(`### ecs ${operation}\n${text}`);
    return text;
  }, advance);
  process.exit(0);
}

void main();

// Phases of the services an ECS deployment touches, which moto serves on the same port too: IAM
// roles, Parameter Store, Auto Scaling groups and CloudFormation stacks. Each unit is the chain a
// deploy tool makes of one resource (create, read, delete), so that every run starts and ends with
// the same state; requests are signed as the SDKs sign them (form bodies for the query services,
// awsJson for Systems Manager).
import { randomUUID } from "node:crypto";
import type { OpOutcome } from "./driver.js";
import { queryRequest } from "./elbv2.js";
import { amzDate, sha256Hex, Signer } from "./sigv4.js";
import { CREDENTIALS, REGION, type Target } from "./targets.js";
import type { WireRequest } from "./wire.js";
import type { Bench, Phase } from "./workload.js";

/** An awsJson 1.1 request as the SDK v3 clients send one. */
function jsonRequest(target: Target, service: string, targetPrefix: string, operation: string, input: object): WireRequest {
  const body = JSON.stringify(input);
  const date = amzDate();
  const signed: Record<string, string> = {
    "content-type": "application/x-amz-json-1.1",
    "x-amz-target": `${targetPrefix}.${operation}`,
    "content-length": String(Buffer.byteLength(body)),
    host: target.host,
    "amz-sdk-invocation-id": randomUUID(),
    "amz-sdk-request": "attempt=1; max=3",
    "x-amz-date": date,
    "x-amz-content-sha256": sha256Hex(body),
  };
  const authorization = new Signer(CREDENTIALS).authorization({ method: "POST", path: "/", headers: signed, body, region: REGION, service, amzDate: date });
  const headers = { ...signed, authorization };
  const head = `POST / HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}Connection: keep-alive\r\n\r\n`;
  return { operation, headers, body, raw: Buffer.from(head + body) };
}

/** Sends the steps of one unit in order; the first failure (status or an answer without `expect`) is the unit's error. */
async function chain(b: Bench, steps: [WireRequest, RegExp][]): Promise<OpOutcome> {
  for (const [req, expect] of steps) {
    const reply = await b.driver.send(req, true);
    const text = reply.text ?? "";
    if (reply.status !== 200) return { requests: steps.length, error: `${req.operation}: HTTP ${reply.status} ${/<Code>([^<]+)<\/Code>|"__type":"([^"]+)"/.exec(text)?.slice(1).find(Boolean) ?? ""}` };
    if (!expect.test(text)) return { requests: steps.length, error: `${req.operation}: unexpected answer ${text.slice(0, 120)}` };
  }
  return { requests: steps.length };
}

const TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }] });
const TEMPLATE = JSON.stringify({ Resources: { Logs: { Type: "AWS::Logs::LogGroup", Properties: { RetentionInDays: 7 } } } });

/** Units built and signed before the clock starts (signing in the window would load the driver's core); the phase ends at the last. */
const UNITS = 15_000;

/** A phase of chains, each unit's requests built ahead with its own names. */
function chainPhase(name: string, build: (b: Bench, i: number) => [WireRequest, RegExp][], setup?: (b: Bench) => Promise<void>): Phase {
  let units: [WireRequest, RegExp][][] = [];
  return {
    name,
    unit: "chain",
    maxOps: UNITS,
    writes: true,
    async prepare(b) {
      await setup?.(b);
      units = Array.from({ length: UNITS }, (_, i) => build(b, i));
    },
    op: (b, i) => chain(b, units[i]),
    done: () => void (units = []),
  };
}

export function companionPhases(_bench: () => Bench): Phase[] {
  // Each run's names are its own: a server left from an earlier phase or run never collides.
  const run = randomUUID().slice(0, 8);
  return [
    chainPhase("IAM role create→get→delete (chain of 3)", (b, i) => {
      const name = `bench-${run}-${i}`;
      return [
        [queryRequest(b.target, "iam", { Action: "CreateRole", RoleName: name, AssumeRolePolicyDocument: TRUST }), /<RoleId>AROA/],
        [queryRequest(b.target, "iam", { Action: "GetRole", RoleName: name }), /<RoleName>bench-/],
        [queryRequest(b.target, "iam", { Action: "DeleteRole", RoleName: name }), /DeleteRoleResponse/],
      ];
    }),
    chainPhase("SSM parameter put→get→delete (chain of 3)", (b, i) => {
      const name = `/bench/${run}/${i}`;
      const ssm = (op: string, input: object) => jsonRequest(b.target, "ssm", "AmazonSSM", op, input);
      return [
        [ssm("PutParameter", { Name: name, Value: `value-${i}`, Type: "String" }), /"Version":\s*1/],
        [ssm("GetParameter", { Name: name }), /"Value":\s*"value-/],
        [ssm("DeleteParameter", { Name: name }), /^\{\s*\}$/],
      ];
    }),
    chainPhase(
      "Auto Scaling group create→describe→delete (chain of 3)",
      (b, i) => {
        const name = `bench-${run}-${i}`;
        const asg = (params: Record<string, string>) => queryRequest(b.target, "autoscaling", params);
        return [
          [asg({ Action: "CreateAutoScalingGroup", AutoScalingGroupName: name, LaunchConfigurationName: `bench-${run}`, MinSize: "0", MaxSize: "2", DesiredCapacity: "0", "AvailabilityZones.member.1": `${REGION}a` }), /CreateAutoScalingGroupResponse/],
          [asg({ Action: "DescribeAutoScalingGroups", "AutoScalingGroupNames.member.1": name }), /<AutoScalingGroupName>bench-/],
          [asg({ Action: "DeleteAutoScalingGroup", AutoScalingGroupName: name }), /DeleteAutoScalingGroupResponse/],
        ];
      },
      async (b) => {
        const reply = await b.driver.send(queryRequest(b.target, "autoscaling", { Action: "CreateLaunchConfiguration", LaunchConfigurationName: `bench-${run}`, ImageId: "ami-0123456789abcdef0", InstanceType: "t3.micro" }), true);
        if (reply.status !== 200) throw new Error(`CreateLaunchConfiguration: HTTP ${reply.status} ${(reply.text ?? "").slice(0, 200)}`);
      },
    ),
    chainPhase("CloudFormation stack create→describe→delete (chain of 3)", (b, i) => {
      const name = `bench-${run}-${i}`;
      const cfn = (params: Record<string, string>) => queryRequest(b.target, "cloudformation", params);
      return [
        [cfn({ Action: "CreateStack", StackName: name, TemplateBody: TEMPLATE }), /<StackId>arn:aws:cloudformation:/],
        [cfn({ Action: "DescribeStacks", StackName: name }), /<StackName>bench-/],
        [cfn({ Action: "DeleteStack", StackName: name }), /DeleteStackResponse/],
      ];
    }),
  ];
}

// No client mistake may produce a 500: every implemented Auto Scaling operation gets forms built from
// its input schema (empty, minimal, full, one member made wrong at a time) against a group, its
// instances, hook, policy and scheduled action that exist; every answer must be a success that reads
// back by the model, or an error in the query envelope with a code the model or the protocol lists.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCHEMAS_DIR } from "../../src/paths.js";
import { encodeForm } from "../../src/protocol/form.js";
import { schemaFor, validatorFor } from "../../src/protocol/validate.js";
import { readAnswer, readError } from "../../src/protocol/xmlRead.js";
import { OPERATION_ERRORS, OPERATIONS } from "../../src/services/autoscaling/generated/operations.js";
import * as errors from "../../src/services/autoscaling/generated/errors.js";
import { InputFactory, prng, seedOf, type Variant } from "../helpers/fuzz.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { QUERY_PROTOCOL_ERRORS, queryCaller, type QueryCaller } from "../helpers/query.js";

let t: TestLocal;
let asg: QueryCaller;
beforeAll(async () => {
  t = await startLocal({ seed: "robust" });
  asg = queryCaller(t, "autoscaling");
});
afterAll(() => t.close());

/** A /28 subnet (11 addresses): a huge desired capacity meets EC2's refusal after a few launches. */
async function smallSubnet(): Promise<string> {
  const ec2 = queryCaller(t, "ec2");
  const vpc = (await ec2.call("CreateVpc", { CidrBlock: "10.9.0.0/16" })).Vpc.VpcId;
  return (await ec2.call("CreateSubnet", { VpcId: vpc, CidrBlock: "10.9.0.0/28", AvailabilityZone: "us-east-1a" })).Subnet.SubnetId;
}

async function seed(): Promise<{ named: Record<string, unknown>; arns: string[] }> {
  t.local.reset();
  const subnet = await smallSubnet();
  await asg.call("CreateLaunchConfiguration", { LaunchConfigurationName: "lc", ImageId: "ami-0fe5f366c083f59ca", InstanceType: "t3.micro" });
  await asg.call("CreateAutoScalingGroup", { AutoScalingGroupName: "robust", LaunchConfigurationName: "lc", MinSize: 0, MaxSize: 5, DesiredCapacity: 2, VPCZoneIdentifier: subnet });
  await asg.call("PutLifecycleHook", { AutoScalingGroupName: "robust", LifecycleHookName: "boot", LifecycleTransition: "autoscaling:EC2_INSTANCE_LAUNCHING" });
  const policy = await asg.call("PutScalingPolicy", { AutoScalingGroupName: "robust", PolicyName: "up", AdjustmentType: "ChangeInCapacity", ScalingAdjustment: 1 });
  await asg.call("PutScheduledUpdateGroupAction", { AutoScalingGroupName: "robust", ScheduledActionName: "night", Recurrence: "0 2 * * *", DesiredCapacity: 1 });
  const g = (await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: ["robust"] })).AutoScalingGroups[0];
  const ids = g.Instances.map((i: any) => i.InstanceId);
  const named = {
    AutoScalingGroupName: "robust",
    AutoScalingGroupNames: ["robust"],
    LaunchConfigurationName: "lc",
    InstanceId: ids[0],
    InstanceIds: ids,
    LifecycleHookName: "boot",
    PolicyName: "up",
    ScheduledActionName: "night",
    VPCZoneIdentifier: subnet,
    resourceArn: g.AutoScalingGroupARN,
  };
  return { named, arns: [g.AutoScalingGroupARN, policy.PolicyARN, "arn:aws:ecs:us-east-1:000000000000:cluster/x"] };
}

/** Forms of a variant; a timestamp the harness cannot write as ISO 8601 (out of Date's range) is skipped. */
function form(op: string, input: unknown): [string, string][] | undefined {
  try {
    return encodeForm(input as Record<string, unknown>, schemaFor("autoscaling", op, "input"));
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

async function problem(op: string, status: number, text: string): Promise<string | undefined> {
  if (status === 200) {
    const out = await readAnswer(text, schemaFor("autoscaling", op, "output"), "query");
    const validate = validatorFor("autoscaling", op, "output");
    return validate(out.output) ? undefined : `output breaks the model ${JSON.stringify(validate.errors)}`;
  }
  if (status >= 500 || status < 400) return `status ${status}`;
  const err = await readError(text);
  const listed = (OPERATION_ERRORS[op as keyof typeof OPERATION_ERRORS] ?? []).map((shape) => new (errors as unknown as Record<string, new (m: string) => { code: string }>)[shape]("").code);
  if (err.root !== "ErrorResponse" || ![...listed, ...QUERY_PROTOCOL_ERRORS].includes(err.code)) return `${err.code} is not listed for ${op}`;
  if (/undefined|\[object Object\]|NaN/.test(err.message)) return `message leaks an internal value: ${err.message}`;
  return undefined;
}

async function variantsFor(op: string): Promise<Variant[]> {
  const { named, arns } = await seed();
  const f = new InputFactory(`${SCHEMAS_DIR}/autoscaling`, op, named, arns, prng(seedOf(op)));
  const minimal = f.minimal();
  const full = f.full();
  return [{ label: "{}", input: {} }, ...f.topLevel(minimal), ...f.nested(full, 10), { label: "full", input: full }, { label: "minimal", input: minimal }];
}

describe("every Auto Scaling operation answers every malformed input in its envelope", () => {
  it("for each operation", { timeout: 300_000 }, async () => {
    const service = t.local.registry.query.find((s) => s.name === "autoscaling")!;
    await service.load?.();
    const failures: string[] = [];
    for (const op of OPERATIONS.filter((o) => service.implemented(o))) {
      for (const v of await variantsFor(op)) {
        const f = form(op, v.input);
        if (!f) continue;
        const res = await asg.raw([["Action", op], ["Version", "2011-01-01"], ...f]);
        t.advance(3_600_000);
        const why = await problem(op, res.status, res.text);
        if (why) failures.push(`${op} ${v.label}: ${why}\n    input ${JSON.stringify(v.input).slice(0, 300)}\n    answer ${res.text.slice(0, 300)}`);
      }
      const after = await asg.raw([["Action", "DescribeAutoScalingGroups"], ["Version", "2011-01-01"]]);
      if (after.status !== 200) failures.push(`after ${op}: DescribeAutoScalingGroups answered ${after.status}`);
    }
    expect(failures, failures.join("\n")).toEqual([]);
  });
});

// Instances launched alike share their unchanging parts (frozen, src/state/shared.ts): a change to one
// instance replaces its part and leaves every other instance as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import type { Ec2State } from "../../src/services/ec2/context.js";

let t: TestLocal;
let ec2: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  ec2 = queryCaller(t, "ec2");
});
afterAll(() => t.close());

const state = (): Ec2State => t.local.registry.backends.ec2.states.get("000000000000", "us-east-1");
const describeOne = async (id: string) => (await ec2.call("DescribeInstances", { InstanceIds: [id] })).Reservations[0].Instances[0];
const attr = async (id: string, Attribute: string) => ec2.call("DescribeInstanceAttribute", { InstanceId: id, Attribute });

describe("instances launched alike", () => {
  it("share their default parts, and a change to one leaves the other as it was", async () => {
    const run = await ec2.call("RunInstances", { ImageId: "ami-0123456789abcdef0", InstanceType: "t3.micro", MinCount: 2, MaxCount: 2, CreditSpecification: { CpuCredits: "unlimited" } });
    const [a, b] = run.Instances.map((i: any) => i.InstanceId as string);
    t.advance(60_000);
    const [ra, rb] = [state().instances.get(a)!, state().instances.get(b)!];
    for (const part of ["CpuOptions", "MetadataOptions", "Placement", "Monitoring", "HibernationOptions", "SecurityGroups", "State"] as const) {
      expect([part, ra.instance[part] === rb.instance[part], Object.isFrozen(ra.instance[part])]).toEqual([part, true, true]);
    }
    expect(ra.settings).toBe(rb.settings);
    const before = await describeOne(b);

    await ec2.call("ModifyInstanceMetadataOptions", { InstanceId: a, HttpTokens: "required", HttpPutResponseHopLimit: 3 });
    await ec2.call("ModifyInstanceAttribute", { InstanceId: a, DisableApiTermination: { Value: true } });
    await ec2.call("ModifyInstanceAttribute", { InstanceId: a, InstanceInitiatedShutdownBehavior: { Value: "terminate" } });
    await ec2.call("ModifyInstanceCreditSpecification", { InstanceCreditSpecifications: [{ InstanceId: a, CpuCredits: "standard" }] });
    await ec2.call("StopInstances", { InstanceIds: [a] });
    t.advance(60_000);
    await ec2.call("ModifyInstanceAttribute", { InstanceId: a, InstanceType: { Value: "t3.xlarge" } });

    const changed = await describeOne(a);
    expect([changed.InstanceType, changed.CpuOptions, changed.MetadataOptions.HttpTokens, changed.MetadataOptions.HttpPutResponseHopLimit, changed.State.Name]).toEqual([
      "t3.xlarge",
      { CoreCount: 2, ThreadsPerCore: 2 },
      "required",
      3,
      "stopped",
    ]);
    expect((await attr(a, "disableApiTermination")).DisableApiTermination.Value).toBe(true);
    expect((await attr(a, "instanceInitiatedShutdownBehavior")).InstanceInitiatedShutdownBehavior.Value).toBe("terminate");

    expect(await describeOne(b)).toEqual(before);
    expect([before.CpuOptions, before.MetadataOptions.HttpTokens, before.State.Name]).toEqual([{ CoreCount: 1, ThreadsPerCore: 2 }, "optional", "running"]);
    expect((await attr(b, "disableApiTermination")).DisableApiTermination.Value).toBe(false);
    expect((await attr(b, "instanceInitiatedShutdownBehavior")).InstanceInitiatedShutdownBehavior.Value).toBe("stop");
    const credits = await ec2.call("DescribeInstanceCreditSpecifications", { InstanceIds: [a, b] });
    expect(credits.InstanceCreditSpecifications).toEqual([
      { InstanceId: a, CpuCredits: "standard" },
      { InstanceId: b, CpuCredits: "unlimited" },
    ]);
  });
});

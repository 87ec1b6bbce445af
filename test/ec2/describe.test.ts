// Describe filters (wildcards, tags, unknown names), pagination, and refusals that change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { SUBNET_A } from "../helpers/fixtures.js";

let t: TestLocal;
let ec2: QueryCaller;
let ids: string[] = [];
beforeAll(async () => {
  t = await startLocal();
  ec2 = queryCaller(t, "ec2");
  for (const [name, type] of [["web-1", "t3.micro"], ["web-2", "t3.small"], ["db-1", "r5.large"]]) {
    const r = await ec2.call("RunInstances", { ImageId: "ami-0123456789abcdef0", InstanceType: type, MinCount: 1, MaxCount: 1, TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: name }] }] });
    ids.push(r.Instances[0].InstanceId);
  }
});
afterAll(() => t.close());

const names = (out: any) => out.Reservations.flatMap((r: any) => r.Instances.map((i: any) => i.Tags.find((x: any) => x.Key === "Name").Value));

describe("DescribeInstances filters and pages", () => {
  it("matches tag values with wildcards, several values as any-of, several filters as all-of", async () => {
    expect(names(await ec2.call("DescribeInstances", { Filters: [{ Name: "tag:Name", Values: ["web-*"] }] }))).toEqual(["web-1", "web-2"]);
    expect(names(await ec2.call("DescribeInstances", { Filters: [{ Name: "instance-type", Values: ["t3.micro", "r5.large"] }] }))).toEqual(["web-1", "db-1"]);
    expect(names(await ec2.call("DescribeInstances", { Filters: [{ Name: "tag:Name", Values: ["web-?"] }, { Name: "instance-type", Values: ["t3.small"] }] }))).toEqual(["web-2"]);
    expect(names(await ec2.call("DescribeInstances", { Filters: [{ Name: "tag-key", Values: ["Name"] }, { Name: "subnet-id", Values: [SUBNET_A] }] }))).toEqual(["web-1", "web-2", "db-1"]);
    expect((await ec2.call("DescribeInstances", { Filters: [{ Name: "instance-state-name", Values: ["stopped"] }] })).Reservations ?? []).toEqual([]);
    expect(await ec2.error("DescribeInstances", { Filters: [{ Name: "colour", Values: ["blue"] }] })).toMatchObject({ code: "InvalidParameterValue", message: "The filter 'colour' is invalid" });
  });

  it("pages by MaxResults and NextToken, and refuses MaxResults with instance ids or outside 5–1000", async () => {
    for (let i = 0; i < 3; i++) await ec2.call("RunInstances", { ImageId: "ami-0123456789abcdef0", MinCount: 1, MaxCount: 1 });
    const first = await ec2.call("DescribeInstances", { MaxResults: 5 });
    expect(first.Reservations).toHaveLength(5);
    const second = await ec2.call("DescribeInstances", { MaxResults: 5, NextToken: first.NextToken });
    expect(second.Reservations).toHaveLength(1);
    expect(second.NextToken).toBeUndefined();
    expect(await ec2.error("DescribeInstances", { MaxResults: 5, InstanceIds: [ids[0]] })).toMatchObject({ code: "InvalidParameterCombination" });
    expect(await ec2.error("DescribeInstances", { MaxResults: 4 })).toMatchObject({ code: "InvalidParameterValue" });
    expect(await ec2.error("DescribeInstances", { NextToken: "nonsense" })).toMatchObject({ code: "InvalidNextToken" });
  });

  it("reports status of running instances, and of all with IncludeAllInstances", async () => {
    await ec2.call("StopInstances", { InstanceIds: [ids[2]] });
    const running = await ec2.call("DescribeInstanceStatus", {});
    expect(running.InstanceStatuses.map((s: any) => s.InstanceId)).not.toContain(ids[2]);
    const all = await ec2.call("DescribeInstanceStatus", { IncludeAllInstances: true, InstanceIds: [ids[2]] });
    expect(all.InstanceStatuses).toEqual([expect.objectContaining({ InstanceId: ids[2], InstanceState: { Code: 80, Name: "stopped" }, InstanceStatus: { Status: "not-applicable" } })]);
  });
});

describe("refusals change nothing", () => {
  it("a RunInstances with a security group that does not exist launches nothing and takes no address", async () => {
    const before = (await ec2.call("DescribeSubnets", { SubnetIds: [SUBNET_A] })).Subnets[0].AvailableIpAddressCount;
    const count = (await ec2.call("DescribeInstances", {})).Reservations.length;
    const err = await ec2.error("RunInstances", { ImageId: "ami-0123456789abcdef0", MinCount: 1, MaxCount: 1, SubnetId: SUBNET_A, SecurityGroupIds: ["sg-0123456789abcdef0"] });
    expect(err.code).toBe("InvalidGroup.NotFound");
    expect(err.message).toMatch(/^The security group 'sg-0123456789abcdef0' does not exist in VPC 'vpc-[0-9a-f]{17}'$/);
    expect((await ec2.call("DescribeSubnets", { SubnetIds: [SUBNET_A] })).Subnets[0].AvailableIpAddressCount).toBe(before);
    expect((await ec2.call("DescribeInstances", {})).Reservations.length).toBe(count);
  });

  it("CreateTags on several resources, one missing, tags none of them", async () => {
    const err = await ec2.error("CreateTags", { Resources: [ids[0], "i-0123456789abcdef0"], Tags: [{ Key: "team", Value: "a" }] });
    expect(err).toMatchObject({ code: "InvalidInstanceID.NotFound" });
    expect((await ec2.call("DescribeTags", { Filters: [{ Name: "key", Values: ["team"] }] })).Tags ?? []).toEqual([]);
  });
});

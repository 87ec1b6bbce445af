// awsvpc tasks against EC2: subnets and security groups must exist, and each task's interface is
// an EC2 interface (DescribeNetworkInterfaces) that agrees with the task's attachment and goes when it stops.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SG, SUBNET_B, fargateTaskDefinition } from "../helpers/fixtures.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";

let t: TestLocal;
let ec2: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  ec2 = queryCaller(t, "ec2");
  await t.ecs("CreateCluster", { clusterName: "net" });
  await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("fg"));
});
afterAll(() => t.close());

describe("awsvpc against EC2", () => {
  it("refuses subnets and security groups EC2 does not know, in ECS's words, and creates nothing", async () => {
    const bad = await t.ecsError("RunTask", { cluster: "net", taskDefinition: "fg", launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-0123456789abcdef0"] } } });
    expect(bad).toMatchObject({ code: "InvalidParameterException", message: "Error retrieving subnet information for [subnet-0123456789abcdef0]: The subnet ID 'subnet-0123456789abcdef0' does not exist (ErrorCode: InvalidSubnetID.NotFound)" });
    const sg = await t.ecsError("CreateService", { cluster: "net", serviceName: "s", taskDefinition: "fg", desiredCount: 1, launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_B], securityGroups: ["sg-0123456789abcdef0"] } } });
    expect(sg).toMatchObject({ code: "InvalidParameterException", message: "Error retrieving security group information for [sg-0123456789abcdef0]: The security group 'sg-0123456789abcdef0' does not exist (ErrorCode: InvalidGroup.NotFound)" });
    expect((await t.ecs("ListTasks", { cluster: "net" })).taskArns).toEqual([]);
    expect((await t.ecs("ListServices", { cluster: "net" })).serviceArns).toEqual([]);
  });

  it("gives each task one EC2 interface that agrees with its attachment, and removes it when the task stops", async () => {
    const { Subnet } = await ec2.call("CreateSubnet", { VpcId: (await ec2.call("DescribeVpcs", {})).Vpcs[0].VpcId, CidrBlock: "172.31.200.0/24", AvailabilityZone: "us-east-1c" });
    const run = await t.ecs("RunTask", { cluster: "net", taskDefinition: "fg", launchType: "FARGATE", count: 2, networkConfiguration: { awsvpcConfiguration: { subnets: [Subnet.SubnetId], securityGroups: [DEFAULT_SG] } } });
    const tasks = (await t.ecs("DescribeTasks", { cluster: "net", tasks: run.tasks!.map((x) => x.taskArn!) })).tasks!;
    expect(tasks.map((x) => x.availabilityZone)).toEqual(["us-east-1c", "us-east-1c"]);
    const attachment = tasks[0].attachments![0];
    const details = Object.fromEntries(attachment.details!.map((d) => [d.name, d.value]));
    expect(details.privateIPv4Address).toMatch(/^172\.31\.200\.\d+$/);
    const enis = await ec2.call("DescribeNetworkInterfaces", { Filters: [{ Name: "subnet-id", Values: [Subnet.SubnetId] }] });
    expect(enis.NetworkInterfaces).toHaveLength(2);
    const eni = await ec2.call("DescribeNetworkInterfaces", { NetworkInterfaceIds: [details.networkInterfaceId] });
    expect(eni.NetworkInterfaces[0]).toMatchObject({
      NetworkInterfaceId: details.networkInterfaceId,
      MacAddress: details.macAddress,
      PrivateIpAddress: details.privateIPv4Address,
      PrivateDnsName: details.privateDnsName,
      SubnetId: Subnet.SubnetId,
      Description: `arn:aws:ecs:us-east-1:000000000000:attachment/${attachment.id}`,
      Groups: [{ GroupId: DEFAULT_SG, GroupName: "default" }],
      Status: "in-use",
      RequesterManaged: true,
    });
    expect((await ec2.call("DescribeSubnets", { SubnetIds: [Subnet.SubnetId] })).Subnets[0].AvailableIpAddressCount).toBe(251 - 2);
    expect(await ec2.error("DeleteSubnet", { SubnetId: Subnet.SubnetId })).toMatchObject({ code: "DependencyViolation" });

    await t.ecs("StopTask", { cluster: "net", task: tasks[0].taskArn! });
    expect(await ec2.error("DescribeNetworkInterfaces", { NetworkInterfaceIds: [details.networkInterfaceId] })).toMatchObject({ code: "InvalidNetworkInterfaceID.NotFound" });
    expect((await ec2.call("DescribeNetworkInterfaces", { Filters: [{ Name: "subnet-id", Values: [Subnet.SubnetId] }] })).NetworkInterfaces).toHaveLength(1);
  });
});

describe("awsvpc tasks on EC2 instances", () => {
  it("attaches the task's interface to the instance it runs on", async () => {
    await t.ecs("CreateCluster", { clusterName: "hosts" });
    const r = await ec2.call("RunInstances", { ImageId: "ami-0fe5f366c083f59ca", InstanceType: "m5.large", MinCount: 1, MaxCount: 1, UserData: Buffer.from("ECS_CLUSTER=hosts").toString("base64") });
    const instanceId = r.Instances[0].InstanceId;
    await t.ecs("RegisterTaskDefinition", { family: "vpc", networkMode: "awsvpc", requiresCompatibilities: ["EC2"], containerDefinitions: [{ name: "app", image: "nginx", cpu: 256, memory: 256 }] });
    const run = await t.ecs("RunTask", { cluster: "hosts", taskDefinition: "vpc", launchType: "EC2", networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_B] } } });
    const task = (await t.ecs("DescribeTasks", { cluster: "hosts", tasks: [run.tasks![0].taskArn!] })).tasks![0];
    const eniId = task.attachments![0].details!.find((d) => d.name === "networkInterfaceId")!.value!;
    const eni = (await ec2.call("DescribeNetworkInterfaces", { NetworkInterfaceIds: [eniId] })).NetworkInterfaces[0];
    expect(eni.Attachment).toMatchObject({ InstanceId: instanceId, DeviceIndex: 1, Status: "attached" });
    // The default group of the subnet's VPC when the task names none.
    expect(eni.Groups).toEqual([{ GroupId: DEFAULT_SG, GroupName: "default" }]);
    const onHost = await ec2.call("DescribeNetworkInterfaces", { Filters: [{ Name: "attachment.instance-id", Values: [instanceId] }] });
    expect(onHost.NetworkInterfaces).toHaveLength(2);
  });
});

describe("a full subnet", () => {
  it("does not break the task lifecycle: tasks beyond the subnet's addresses still run", async () => {
    const vpcId = (await ec2.call("DescribeVpcs", { Filters: [{ Name: "is-default", Values: ["true"] }] })).Vpcs[0].VpcId;
    const { Subnet } = await ec2.call("CreateSubnet", { VpcId: vpcId, CidrBlock: "172.31.250.0/28" });
    expect(Subnet.AvailableIpAddressCount).toBe(11);
    const net = { awsvpcConfiguration: { subnets: [Subnet.SubnetId] } };
    const arns: string[] = [];
    for (const count of [10, 3]) arns.push(...(await t.ecs("RunTask", { cluster: "net", taskDefinition: "fg", launchType: "FARGATE", count, networkConfiguration: net })).tasks!.map((x) => x.taskArn!));
    const tasks = (await t.ecs("DescribeTasks", { cluster: "net", tasks: arns })).tasks!;
    expect(tasks.every((x) => x.lastStatus === "RUNNING")).toBe(true);
    expect((await ec2.call("DescribeSubnets", { SubnetIds: [Subnet.SubnetId] })).Subnets[0].AvailableIpAddressCount).toBe(0);
  });
});

// --state-dir covers every service of the registry, not only ECS: EC2 instances (and the container
// instances they registered as), ELBv2 load balancers, target groups and their targets come back
// after a restart with the same ids, and a new instance after it gets a new id.
import { DescribeInstancesCommand, EC2Client, RunInstancesCommand } from "@aws-sdk/client-ec2";
import { CreateListenerCommand, CreateLoadBalancerCommand, CreateTargetGroupCommand, DescribeTargetHealthCommand, ElasticLoadBalancingV2Client, RegisterTargetsCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { ECSClient, ListContainerInstancesCommand } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { type EcsLocalServer } from "../../src/index.js";
import { defaultVpcId } from "../../src/services/ec2/domain/network.js";
import { SUBNET_A, SUBNET_B } from "../helpers/fixtures.js";
import { stateDirServers } from "../helpers/stateDir.js";
import { tempDir } from "../helpers/tempDir.js";

const servers = stateDirServers();

async function start(stateDir: string): Promise<EcsLocalServer> {
  const s = await servers.start(stateDir);
  return s;
}

function clients(s: EcsLocalServer) {
  const c = { endpoint: s.endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } };
  return { ec2: new EC2Client(c), elb: new ElasticLoadBalancingV2Client(c), ecs: new ECSClient(c) };
}

describe("--state-dir: EC2 and ELBv2", () => {
  it("keeps instances, their cluster membership, load balancers and target health across a restart", async () => {
    const dir = tempDir("ecs-local-state-");
    const a = await start(dir);
    let { ec2, elb, ecs } = clients(a);
    const userData = Buffer.from("#!/bin/bash\necho ECS_CLUSTER=default >> /etc/ecs/ecs.config\n").toString("base64");
    const launched = await ec2.send(new RunInstancesCommand({ ImageId: "ami-0123456789abcdef0", InstanceType: "t3.medium", MinCount: 1, MaxCount: 1, SubnetId: SUBNET_A, UserData: userData }));
    const instanceId = launched.Instances![0].InstanceId!;
    const lb = (await elb.send(new CreateLoadBalancerCommand({ Name: "keep", Subnets: [SUBNET_A, SUBNET_B] }))).LoadBalancers![0];
    const tg = (await elb.send(new CreateTargetGroupCommand({ Name: "keep", Protocol: "HTTP", Port: 80, VpcId: defaultVpcId("000000000000", "us-east-1") }))).TargetGroups![0];
    await elb.send(new CreateListenerCommand({ LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: tg.TargetGroupArn }] }));
    await elb.send(new RegisterTargetsCommand({ TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: instanceId, Port: 8080 }] }));
    const health = async () => (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.TargetGroupArn }))).TargetHealthDescriptions!.map((d) => [d.Target!.Id, d.Target!.Port, d.TargetHealth!.State]);
    const before = await health();
    const members = (await ecs.send(new ListContainerInstancesCommand({ cluster: "default" }))).containerInstanceArns!;
    expect(members).toHaveLength(1);
    await a.stop();

    const b = await start(dir);
    ({ ec2, elb, ecs } = clients(b));
    const described = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }))).Reservations![0].Instances![0];
    expect(described.State!.Name).toBe("running");
    expect(described.SubnetId).toBe(SUBNET_A);
    expect((await ecs.send(new ListContainerInstancesCommand({ cluster: "default" }))).containerInstanceArns).toEqual(members);
    expect(await health()).toEqual(before);
    expect(before).toEqual([[instanceId, 8080, "healthy"]]);
    const next = await ec2.send(new RunInstancesCommand({ ImageId: "ami-0123456789abcdef0", InstanceType: "t3.medium", MinCount: 1, MaxCount: 1, SubnetId: SUBNET_A }));
    expect(next.Instances![0].InstanceId).not.toBe(instanceId);
  }, 60_000);
});

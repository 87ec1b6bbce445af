// Snapshots of the infrastructure stores: EC2 (instances mid-launch), ELBv2 (load balancers
// provisioning, targets mid-health-check), Auto Scaling (groups, scheduled actions, lifecycle hooks),
// Application Auto Scaling (targets, scheduled actions), CloudFormation (a stack in progress) and ECR
// (a lifecycle policy): a restart from a snapshot plus the journal's tail is the same graph as a
// restart from the whole journal, before and after both clocks move on.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EC2Client, RunInstancesCommand, StopInstancesCommand } from "@aws-sdk/client-ec2";
import { CreateLoadBalancerCommand, CreateListenerCommand, CreateTargetGroupCommand, ElasticLoadBalancingV2Client, RegisterTargetsCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { AutoScalingClient, CreateAutoScalingGroupCommand, CreateLaunchConfigurationCommand, PutScheduledUpdateGroupActionCommand } from "@aws-sdk/client-auto-scaling";
import { ApplicationAutoScalingClient, PutScheduledActionCommand, RegisterScalableTargetCommand } from "@aws-sdk/client-application-auto-scaling";
import { CloudFormationClient, CreateStackCommand } from "@aws-sdk/client-cloudformation";
import { CreateRepositoryCommand, ECRClient, PutLifecyclePolicyCommand } from "@aws-sdk/client-ecr";
import type { EcsLocalServer } from "../../src/server.js";
import { SUBNET_A, SUBNET_B, SUBNETS } from "../helpers/fixtures.js";
import { stateDirServers } from "../helpers/stateDir.js";
import { compareSnapshotRestarts, T0 } from "./snapshotHarness.js";

const servers = stateDirServers();
const credentials = { accessKeyId: "test", secretAccessKey: "test" };
const opts = (s: EcsLocalServer) => ({ endpoint: s.endpoint, region: "us-east-1", credentials });
const template = readFileSync(new URL("../cloudformation/templates/ecs-basic.yaml", import.meta.url), "utf8");

async function ecs(s: EcsLocalServer, op: string, body: object): Promise<any> {
  const res = await fetch(s.endpoint, { method: "POST", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AmazonEC2ContainerServiceV20141113.${op}` }, body: JSON.stringify(body) });
  return res.json();
}

describe("snapshots: EC2, ELBv2, Auto Scaling, Application Auto Scaling, CloudFormation, ECR", () => {
  it("restart from a snapshot and the tail as from the whole journal", async () => {
    const r = await compareSnapshotRestarts(servers, {
      config: { timingProfile: "realistic" },
      first: async (s) => {
        const ec2 = new EC2Client(opts(s));
        const run = await ec2.send(new RunInstancesCommand({ ImageId: "ami-0fe5f366c083f59ca", InstanceType: "t3.micro", MinCount: 2, MaxCount: 2, SubnetId: SUBNET_A }));
        const elb = new ElasticLoadBalancingV2Client(opts(s));
        const lb = (await elb.send(new CreateLoadBalancerCommand({ Name: "web", Subnets: [SUBNET_A, SUBNET_B] }))).LoadBalancers![0];
        const tg = (await elb.send(new CreateTargetGroupCommand({ Name: "web", Protocol: "HTTP", Port: 80, VpcId: lb.VpcId, TargetType: "instance" }))).TargetGroups![0];
        await elb.send(new CreateListenerCommand({ LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: tg.TargetGroupArn }] }));
        await elb.send(new RegisterTargetsCommand({ TargetGroupArn: tg.TargetGroupArn, Targets: run.Instances!.map((i) => ({ Id: i.InstanceId! })) }));
        const asg = new AutoScalingClient(opts(s));
        await asg.send(new CreateLaunchConfigurationCommand({ LaunchConfigurationName: "lc", ImageId: "ami-0fe5f366c083f59ca", InstanceType: "t3.micro" }));
        await asg.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: "web", LaunchConfigurationName: "lc", MinSize: 0, MaxSize: 4, DesiredCapacity: 2, VPCZoneIdentifier: `${SUBNET_A},${SUBNET_B}` }));
        await asg.send(new CreateAutoScalingGroupCommand({
          AutoScalingGroupName: "held",
          LaunchConfigurationName: "lc",
          MinSize: 0,
          MaxSize: 1,
          DesiredCapacity: 1,
          AvailabilityZones: ["us-east-1a"],
          LifecycleHookSpecificationList: [{ LifecycleHookName: "boot", LifecycleTransition: "autoscaling:EC2_INSTANCE_LAUNCHING", HeartbeatTimeout: 600, DefaultResult: "CONTINUE" }],
        }));
        await new CloudFormationClient(opts(s)).send(new CreateStackCommand({ StackName: "kept", TemplateBody: template }));
      },
      second: async (s) => {
        const asg = new AutoScalingClient(opts(s));
        await asg.send(new PutScheduledUpdateGroupActionCommand({ AutoScalingGroupName: "web", ScheduledActionName: "grow", StartTime: new Date(T0 + 3_600_000), DesiredCapacity: 3 }));
        await ecs(s, "CreateCluster", { clusterName: "scaled" });
        await ecs(s, "RegisterTaskDefinition", { family: "w", requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512", containerDefinitions: [{ name: "a", image: "nginx" }] });
        await ecs(s, "CreateService", { cluster: "scaled", serviceName: "svc", taskDefinition: "w", desiredCount: 1, launchType: "FARGATE", networkConfiguration: SUBNETS });
        const aas = new ApplicationAutoScalingClient(opts(s));
        const target = { ServiceNamespace: "ecs" as const, ResourceId: "service/scaled/svc", ScalableDimension: "ecs:service:DesiredCount" as const };
        await aas.send(new RegisterScalableTargetCommand({ ...target, MinCapacity: 1, MaxCapacity: 4 }));
        await aas.send(new PutScheduledActionCommand({ ...target, ScheduledActionName: "night", Schedule: "rate(2 hours)", ScalableTargetAction: { MinCapacity: 2 } }));
        const ecr = new ECRClient(opts(s));
        await ecr.send(new CreateRepositoryCommand({ repositoryName: "app" }));
        await ecr.send(new PutLifecyclePolicyCommand({ repositoryName: "app", lifecyclePolicyText: JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 }, action: { type: "expire" } }] }) }));
        const ec2 = new EC2Client(opts(s));
        const more = await ec2.send(new RunInstancesCommand({ ImageId: "ami-0fe5f366c083f59ca", InstanceType: "t3.micro", MinCount: 1, MaxCount: 1, SubnetId: SUBNET_B }));
        await ec2.send(new StopInstancesCommand({ InstanceIds: [more.Instances![0].InstanceId!] }));
      },
      advanceMs: 5 * 3_600_000,
    });
    expect(r.pendingAtStart).toBeGreaterThanOrEqual(6);
  }, 90_000);
});

// --state-dir and ECS Managed Instances with a managed daemon, and an Express service: the provider, the
// instance ECS launched for the tasks, the daemon with its revision and deployment, the Express service
// with what it made come back after a restart as they were; the idle instance's scale-in that fell due
// while the server was down has happened at the next start, and the Express service can be deleted then.
import { AddRoleToInstanceProfileCommand, CreateInstanceProfileCommand, CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { DescribeInstancesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import {
  CreateCapacityProviderCommand,
  CreateClusterCommand,
  CreateDaemonCommand,
  CreateExpressGatewayServiceCommand,
  DeleteExpressGatewayServiceCommand,
  DescribeExpressGatewayServiceCommand,
  DescribeDaemonCommand,
  DescribeDaemonDeploymentsCommand,
  DescribeTasksCommand,
  ECSClient,
  PutClusterCapacityProvidersCommand,
  RegisterDaemonTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
} from "@aws-sdk/client-ecs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startServer, type EcsLocalServer } from "../../src/index.js";
import { DEFAULT_SG, SUBNET_A } from "../helpers/fixtures.js";
import { tempDir } from "../helpers/tempDir.js";

const running: EcsLocalServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  vi.useRealTimers();
});

async function start(stateDir: string): Promise<EcsLocalServer> {
  const s = await startServer({ logLevel: "silent", validateOutput: true, stateDir });
  running.push(s);
  return s;
}

async function stop(s: EcsLocalServer): Promise<void> {
  running.splice(running.indexOf(s), 1);
  await s.stop();
}

function clients(s: EcsLocalServer) {
  const c = { endpoint: s.endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } };
  return { ecs: new ECSClient(c), ec2: new EC2Client(c), iam: new IAMClient(c), elb: new ElasticLoadBalancingV2Client(c) };
}

const T0 = Date.UTC(2026, 2, 1);
const trust = (service: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });

async function setUp(s: EcsLocalServer): Promise<{ taskArns: string[]; daemonArn: string; deploymentArn: string; expressArn: string }> {
  const { ecs, iam } = clients(s);
  await iam.send(new CreateRoleCommand({ RoleName: "infra", AssumeRolePolicyDocument: trust("ecs.amazonaws.com") }));
  await iam.send(new CreateRoleCommand({ RoleName: "node", AssumeRolePolicyDocument: trust("ec2.amazonaws.com") }));
  await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: "node" }));
  await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: "node", RoleName: "node" }));
  await ecs.send(new CreateClusterCommand({ clusterName: "mi" }));
  await ecs.send(
    new CreateCapacityProviderCommand({
      name: "mip",
      cluster: "mi",
      managedInstancesProvider: {
        infrastructureRoleArn: "arn:aws:iam::000000000000:role/infra",
        instanceLaunchTemplate: { ec2InstanceProfileArn: "arn:aws:iam::000000000000:instance-profile/node", networkConfiguration: { subnets: [SUBNET_A], securityGroups: [DEFAULT_SG] } },
        infrastructureOptimization: { scaleInAfter: 600 },
      },
    }),
  );
  await ecs.send(new PutClusterCapacityProvidersCommand({ cluster: "mi", capacityProviders: ["mip"], defaultCapacityProviderStrategy: [{ capacityProvider: "mip", weight: 1 }] }));
  const td = (await ecs.send(new RegisterDaemonTaskDefinitionCommand({ family: "agent", containerDefinitions: [{ name: "agent", image: "agent:1", cpu: 128, memory: 256 }] }))).daemonTaskDefinitionArn!;
  const daemon = await ecs.send(new CreateDaemonCommand({ daemonName: "agent", clusterArn: "mi", daemonTaskDefinitionArn: td, capacityProviderArns: ["arn:aws:ecs:us-east-1:000000000000:capacity-provider/mip"] }));
  await ecs.send(new RegisterTaskDefinitionCommand({ family: "web", networkMode: "awsvpc", cpu: "256", memory: "512", containerDefinitions: [{ name: "app", image: "nginx" }] }));
  const run = await ecs.send(new RunTaskCommand({ cluster: "mi", taskDefinition: "web", count: 2, networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A] } } }));
  const express = await ecs.send(
    new CreateExpressGatewayServiceCommand({ serviceName: "shop", executionRoleArn: "arn:aws:iam::000000000000:role/node", infrastructureRoleArn: "arn:aws:iam::000000000000:role/infra", primaryContainer: { image: "nginx" } }),
  );
  return { taskArns: run.tasks!.map((x) => x.taskArn!), daemonArn: daemon.daemonArn!, deploymentArn: daemon.deploymentArn!, expressArn: express.service!.serviceArn! };
}

async function instances(s: EcsLocalServer): Promise<[string, string, string][]> {
  const out = await clients(s).ec2.send(new DescribeInstancesCommand({}));
  return out.Reservations!.flatMap((r) => r.Instances!.map((i): [string, string, string] => [i.InstanceId!, i.InstanceType!, i.State!.Name!]));
}

describe("--state-dir: ECS Managed Instances and managed daemons", () => {
  it("keeps the provider's instance, the daemon and its deployment, and terminates the instance that went idle while the server was down", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: T0 });
    const dir = tempDir("ecs-local-state-");
    const a = await start(dir);
    const { taskArns, daemonArn, deploymentArn, expressArn } = await setUp(a);
    const before = await instances(a);
    expect(before.map(([, type, state]) => [type, state])).toEqual([["m5a.large", "running"]]);
    const expressBefore = (await clients(a).ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: expressArn }))).service;
    const daemonBefore = (await clients(a).ecs.send(new DescribeDaemonCommand({ daemonArn }))).daemon;
    const depBefore = (await clients(a).ecs.send(new DescribeDaemonDeploymentsCommand({ daemonDeploymentArns: [deploymentArn] }))).daemonDeployments;
    await stop(a);

    vi.setSystemTime(T0 + 60_000);
    const b = await start(dir);
    expect(await instances(b)).toEqual(before);
    let { ecs } = clients(b);
    expect((await ecs.send(new DescribeDaemonCommand({ daemonArn }))).daemon).toEqual(daemonBefore);
    expect((await ecs.send(new DescribeDaemonDeploymentsCommand({ daemonDeploymentArns: [deploymentArn] }))).daemonDeployments).toEqual(depBefore);
    expect((await ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: expressArn }))).service).toEqual(expressBefore);
    const tasks = (await ecs.send(new DescribeTasksCommand({ cluster: "mi", tasks: taskArns }))).tasks!;
    expect(tasks.map((x) => [x.lastStatus, x.launchType])).toEqual([
      ["RUNNING", "MANAGED_INSTANCES"],
      ["RUNNING", "MANAGED_INSTANCES"],
    ]);
    for (const task of taskArns) await ecs.send(new StopTaskCommand({ cluster: "mi", task }));
    await stop(b);

    // Down for 15 minutes: the idle instance's ten minutes ran out meanwhile.
    vi.setSystemTime(T0 + 16 * 60_000);
    const c = await start(dir);
    ({ ecs } = clients(c));
    expect((await instances(c)).map(([id, , state]) => [id, state])).toEqual([[before[0][0], "terminated"]]);
    expect((await ecs.send(new DescribeDaemonCommand({ daemonArn }))).daemon!.currentRevisions![0].totalRunningCount).toBe(0);
    expect((await ecs.send(new DeleteExpressGatewayServiceCommand({ serviceArn: expressArn }))).service!.status!.statusCode).toBe("DRAINING");
    expect((await clients(c).elb.send(new DescribeLoadBalancersCommand({}))).LoadBalancers).toEqual([]);
  }, 60_000);
});

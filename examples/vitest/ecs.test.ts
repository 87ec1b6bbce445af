// A test file of a project that deploys to ECS, run against the ecs-local of globalSetup.ts.
import { CreateClusterCommand, DescribeServicesCommand, ECSClient, CreateServiceCommand, ListClustersCommand, RegisterTaskDefinitionCommand, waitUntilServicesStable } from "@aws-sdk/client-ecs";
import { DescribeSubnetsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { beforeEach, expect, inject, it } from "vitest";

const endpoint = inject("ecsEndpoint");
const client = { endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } };
const ecs = new ECSClient(client);
const ec2 = new EC2Client(client);

// Every test starts from an empty ECS.
beforeEach(async () => {
  await fetch(`${endpoint}/_ecs-local/reset`, { method: "POST" });
});

it("deploys a Fargate service that becomes stable", async () => {
  // Fargate tasks need a subnet that exists: the default VPC's, as in a fresh AWS account.
  const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "default-for-az", Values: ["true"] }] }));
  const subnets = Subnets!.map((s) => s.SubnetId!);
  await ecs.send(new CreateClusterCommand({ clusterName: "app" }));
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: "web",
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: "256",
      memory: "512",
      containerDefinitions: [{ name: "web", image: "nginx", portMappings: [{ containerPort: 80 }] }],
    }),
  );
  await ecs.send(
    new CreateServiceCommand({
      cluster: "app",
      serviceName: "web",
      taskDefinition: "web",
      desiredCount: 2,
      launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets } },
    }),
  );
  await waitUntilServicesStable({ client: ecs, maxWaitTime: 30 }, { cluster: "app", services: ["web"] });
  const { services } = await ecs.send(new DescribeServicesCommand({ cluster: "app", services: ["web"] }));
  expect(services?.[0]).toMatchObject({ status: "ACTIVE", runningCount: 2, desiredCount: 2 });
});

it("starts from nothing after the reset", async () => {
  const { clusterArns } = await ecs.send(new ListClustersCommand({}));
  expect(clusterArns).toEqual([]);
});

// A test file of a project that deploys to ECS, run against the ecs-local of globalSetup.ts.
import { CreateClusterCommand, DescribeServicesCommand, ECSClient, CreateServiceCommand, ListClustersCommand, RegisterTaskDefinitionCommand, waitUntilServicesStable } from "@aws-sdk/client-ecs";
import { beforeEach, expect, inject, it } from "vitest";

const endpoint = inject("ecsEndpoint");
const ecs = new ECSClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });

// Every test starts from an empty ECS.
beforeEach(async () => {
  await fetch(`${endpoint}/_ecs-local/reset`, { method: "POST" });
});

it("deploys a Fargate service that becomes stable", async () => {
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
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-12345678"] } },
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

// An ECS service to scale: a Fargate service in the default subnets, its tasks running.
import { fargateTaskDefinition, SUBNETS } from "../helpers/fixtures.js";
import type { TestLocal } from "../helpers/local.js";

export const ECS = "ecs:service:DesiredCount";

/** Creates cluster `cluster` (once) and a Fargate service `service` of `count` tasks; answers its resource id. */
export async function ecsService(t: TestLocal, cluster: string, service: string, count = 1): Promise<string> {
  await t.ecs("CreateCluster", { clusterName: cluster });
  await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("web"));
  await t.ecs("CreateService", { cluster, serviceName: service, taskDefinition: "web", desiredCount: count, launchType: "FARGATE", networkConfiguration: SUBNETS });
  return `service/${cluster}/${service}`;
}

export async function counts(t: TestLocal, cluster: string, service: string): Promise<{ desired: number; running: number }> {
  const s = (await t.ecs("DescribeServices", { cluster, services: [service] })).services![0];
  return { desired: s.desiredCount!, running: s.runningCount! };
}

export async function events(t: TestLocal, cluster: string, service: string): Promise<string[]> {
  const s = (await t.ecs("DescribeServices", { cluster, services: [service] })).services![0];
  return s.events!.map((e) => e.message!);
}

// A cluster served by an Amazon ECS Managed Instances capacity provider, as the Developer Guide sets
// one up: the infrastructure role and the instance profile in IAM, the provider in the cluster with
// the default subnets, associated as the cluster's default strategy; and a task definition for it.
import type { TestLocal } from "../helpers/local.js";
import type { QueryCaller } from "../helpers/query.js";
import { DEFAULT_SG, SUBNET_A, SUBNET_B } from "../helpers/fixtures.js";

export const ACCOUNT = "000000000000";
export const INFRA_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsInfrastructureRole`;
export const PROFILE = `arn:aws:iam::${ACCOUNT}:instance-profile/ecsInstanceRole`;

const trust = (service: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });

/** The two roles the guide asks for: ECS's infrastructure role and the instances' profile. */
export async function managedInstancesRoles(iam: QueryCaller): Promise<void> {
  await iam.call("CreateRole", { RoleName: "ecsInfrastructureRole", AssumeRolePolicyDocument: trust("ecs.amazonaws.com") });
  await iam.call("CreateRole", { RoleName: "ecsInstanceRole", AssumeRolePolicyDocument: trust("ec2.amazonaws.com") });
  await iam.call("CreateInstanceProfile", { InstanceProfileName: "ecsInstanceRole" });
  await iam.call("AddRoleToInstanceProfile", { InstanceProfileName: "ecsInstanceRole", RoleName: "ecsInstanceRole" });
}

export interface MiSetup {
  cluster: string;
  provider: string;
  scaleInAfter?: number;
  requirements?: Record<string, unknown>;
  /** Associate it as the cluster's default strategy (default true). */
  associate?: boolean;
}

export function miProvider(s: MiSetup): Record<string, unknown> {
  return {
    infrastructureRoleArn: INFRA_ROLE,
    instanceLaunchTemplate: {
      ec2InstanceProfileArn: PROFILE,
      networkConfiguration: { subnets: [SUBNET_A, SUBNET_B], securityGroups: [DEFAULT_SG] },
      ...(s.requirements ? { instanceRequirements: s.requirements } : {}),
    },
    ...(s.scaleInAfter !== undefined ? { infrastructureOptimization: { scaleInAfter: s.scaleInAfter } } : {}),
  };
}

export async function managedInstancesCluster(t: TestLocal, iam: QueryCaller, s: MiSetup): Promise<void> {
  await managedInstancesRoles(iam);
  await t.ecs("CreateCluster", { clusterName: s.cluster });
  await t.ecs("CreateCapacityProvider", { name: s.provider, cluster: s.cluster, managedInstancesProvider: miProvider(s) as never });
  if (s.associate === false) return;
  await t.ecs("PutClusterCapacityProviders", { cluster: s.cluster, capacityProviders: [s.provider], defaultCapacityProviderStrategy: [{ capacityProvider: s.provider, weight: 1 }] });
}

/** An awsvpc task definition Managed Instances runs (the CDK's example: 256 CPU units, 512 MiB). */
export async function miTaskDefinition(t: TestLocal, family = "web", cpu = "256", memory = "512"): Promise<string> {
  const r = await t.ecs("RegisterTaskDefinition", {
    family,
    requiresCompatibilities: ["MANAGED_INSTANCES"],
    networkMode: "awsvpc",
    cpu,
    memory,
    containerDefinitions: [{ name: "app", image: "nginx", essential: true }],
  });
  return r.taskDefinition!.taskDefinitionArn!;
}

export const AWSVPC = { awsvpcConfiguration: { subnets: [SUBNET_A], securityGroups: [DEFAULT_SG] } };

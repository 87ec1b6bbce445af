// Set-up shared by the operation tests: container instances as the agent registers them, a Fargate task definition.
import type { NetworkConfiguration, RegisterTaskDefinitionRequest } from "../../src/services/ecs/generated/types.js";
import type { TestLocal } from "./local.js";
import { defaultSecurityGroupId, defaultSubnetId, defaultVpcId } from "../../src/services/ec2/domain/network.js";

/**
 * Registers an instance in `zone` with the given CPU units and MiB of memory; answers its ARN.
 * `ports` replaces the reserved TCP ports the agent reports when given.
 */
export async function registerInstance(t: TestLocal, cluster: string, zone: string, cpu = 1024, memory = 1024, ports?: string[]): Promise<string> {
  const doc = JSON.stringify({ instanceId: `i-${Math.random().toString(16).slice(2, 19).padEnd(17, "0")}`, instanceType: "t3.micro", availabilityZone: zone });
  const r = await t.ecs("RegisterContainerInstance", {
    cluster,
    instanceIdentityDocument: doc,
    totalResources: [
      { name: "CPU", type: "INTEGER", integerValue: cpu },
      { name: "MEMORY", type: "INTEGER", integerValue: memory },
      ...(ports ? [{ name: "PORTS", type: "STRINGSET", stringSetValue: ports }] : []),
    ],
  });
  return r.containerInstance!.containerInstanceArn!;
}

/** The smallest Fargate task definition: 0.25 vCPU, 512 MiB, awsvpc. */
export function fargateTaskDefinition(family = "fg", extra: Partial<RegisterTaskDefinitionRequest> = {}): RegisterTaskDefinitionRequest {
  return {
    family,
    requiresCompatibilities: ["FARGATE"],
    networkMode: "awsvpc",
    cpu: "256",
    memory: "512",
    containerDefinitions: [{ name: "app", image: "nginx" }],
    ...extra,
  };
}

export const SUBNETS: NetworkConfiguration = { awsvpcConfiguration: { subnets: [defaultSubnetId("000000000000", "us-east-1", "us-east-1a")] } };

/** Default subnets and security group of the test account (000000000000) in us-east-1: EC2 has them from the start. */
export const SUBNET_A = defaultSubnetId("000000000000", "us-east-1", "us-east-1a");
export const SUBNET_B = defaultSubnetId("000000000000", "us-east-1", "us-east-1b");
export const SUBNET_C = defaultSubnetId("000000000000", "us-east-1", "us-east-1c");
export const DEFAULT_SG = defaultSecurityGroupId("000000000000", "us-east-1", defaultVpcId("000000000000", "us-east-1"));

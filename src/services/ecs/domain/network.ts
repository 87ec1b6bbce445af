// ECS against EC2's network: awsvpc subnets and security groups must exist in EC2, and a task's
// elastic network interface is an EC2 interface (subnet, address, MAC, id) that goes when the task stops.
import { createTaskInterface, deleteInterface, type TaskInterface } from "../../ec2/domain/interfaces.js";
import type { Ec2State } from "../../ec2/context.js";
import type { Backends } from "../../backends.js";
import { AwsError } from "../../../protocol/errors.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { NetworkConfiguration, Task } from "../generated/types.js";
import type { EcsState } from "../store.js";
import { ecsArn } from "./arn.js";

export type InterfaceAllocator = (subnetId: string, attachmentId: string) => TaskInterface | undefined;

function ec2Of(peers: Backends, state: EcsState): Ec2State {
  return peers.ec2.states.get(state.accountId, state.region);
}

/** ECS's answer when EC2 does not know a subnet or security group named in awsvpcConfiguration. */
export function checkNetworkResources(peers: Backends, state: EcsState, net: NetworkConfiguration | undefined): void {
  const cfg = net?.awsvpcConfiguration;
  if (!cfg) return;
  const ec2 = ec2Of(peers, state);
  for (const id of cfg.subnets ?? []) {
    if (!ec2.subnets.has(id)) throw new InvalidParameterException(`Error retrieving subnet information for [${id}]: The subnet ID '${id}' does not exist (ErrorCode: InvalidSubnetID.NotFound)`);
  }
  for (const id of cfg.securityGroups ?? []) {
    if (!ec2.securityGroups.has(id)) throw new InvalidParameterException(`Error retrieving security group information for [${id}]: The security group '${id}' does not exist (ErrorCode: InvalidGroup.NotFound)`);
  }
}

/** The zone of a subnet EC2 knows. */
export function subnetZone(peers: Backends, state: EcsState, subnetId: string): string | undefined {
  return ec2Of(peers, state).subnets.get(subnetId)?.subnet.AvailabilityZone;
}

/** The EC2 instance a task on a container instance runs on. */
function hostOf(state: EcsState, task: Task): string | undefined {
  const parts = task.containerInstanceArn?.split(":").pop()?.split("/");
  if (!parts || parts.length !== 3) return undefined;
  return state.clusters.get(parts[1])?.instances.get(parts[2])?.ec2InstanceId;
}

/** Creates the task's interface in EC2, described by the ECS attachment's ARN, with the task's security groups. */
export function interfaceAllocator(peers: Backends, state: EcsState, task: Task, now: number): InterfaceAllocator {
  return (subnetId, attachmentId) => {
    const ec2 = ec2Of(peers, state);
    if (!ec2.subnets.has(subnetId)) return undefined;
    const groups = (state.taskSecurityGroups.get(task.taskArn!) ?? []).filter((g) => ec2.securityGroups.has(g));
    try {
      return createTaskInterface(ec2, subnetId, groups, ecsArn(state, `attachment/${attachmentId}`), now, hostOf(state, task), state.taskPublicIps.has(task.taskArn!));
    } catch (e) {
      // A full subnet: the task still gets an interface, with an address EC2 does not track (a known gap).
      if (e instanceof AwsError && e.code === "InsufficientFreeAddressesInSubnet") return undefined;
      throw e;
    }
  };
}

/** The task stopped: its interface leaves EC2. */
export function releaseInterfaces(peers: Backends, state: EcsState, task: Task): void {
  state.taskSecurityGroups.delete(task.taskArn!);
  state.taskPublicIps.delete(task.taskArn!);
  for (const a of task.attachments ?? []) {
    if (a.type !== "ElasticNetworkInterface") continue;
    const id = a.details?.find((d) => d.name === "networkInterfaceId")?.value;
    if (id) deleteInterface(ec2Of(peers, state), id);
  }
}

// What ECS asks of EC2 for its Managed Instances, through EC2's own operations run in process
// (validated and answered as on the wire, so every instance it launches is EC2's, visible in
// DescribeInstances): checking the provider's network, launching and terminating instances.
import { AwsError } from "../../../protocol/errors.js";
import type { EcsBackend, EcsContext } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";

const OPERATIONS = ["RunInstances", "TerminateInstances", "DescribeSubnets", "DescribeSecurityGroups"];

/** Loads the EC2 operations ECS calls; undefined when loaded (await only then, so that timers never wait). */
export function loadEc2(backend: EcsBackend): Promise<void> | undefined {
  return backend.peers.client.load("ec2", OPERATIONS);
}

/** Runs an EC2 operation as ECS's infrastructure role would; throws EC2's AwsError. */
export function callEc2<T = any>(ctx: EcsContext, operation: string, input: Record<string, unknown>): T {
  const request = { accountId: ctx.state.accountId, region: ctx.state.region, requestId: ctx.backend.ids.uuid() };
  return ctx.backend.peers.client.call<T>("ec2", operation, input, request);
}

/** The subnets' VPC, after checking that EC2 knows them all, and the groups, in that one VPC (ECS's texts for awsvpc). */
export function checkInstanceNetwork(ctx: EcsContext, subnets: string[], groups: string[]): string {
  if (subnets.length === 0) throw new InvalidParameterException("subnets can not be empty.");
  const vpcs = new Set<string>();
  for (const id of subnets) {
    try {
      vpcs.add(callEc2(ctx, "DescribeSubnets", { SubnetIds: [id] }).Subnets[0].VpcId);
    } catch (e) {
      if (!(e instanceof AwsError)) throw e;
      throw new InvalidParameterException(`Error retrieving subnet information for [${id}]: ${e.message} (ErrorCode: ${e.code})`);
    }
  }
  if (vpcs.size > 1) throw new InvalidParameterException("The specified subnets must all be in the same VPC.");
  const [vpc] = vpcs;
  for (const id of groups) {
    let groupVpc: string | undefined;
    try {
      groupVpc = callEc2(ctx, "DescribeSecurityGroups", { GroupIds: [id] }).SecurityGroups[0].VpcId;
    } catch (e) {
      if (!(e instanceof AwsError)) throw e;
      throw new InvalidParameterException(`Error retrieving security group information for [${id}]: ${e.message} (ErrorCode: ${e.code})`);
    }
    if (groupVpc !== vpc) throw new InvalidParameterException(`The security group ${id} is not in the VPC of the specified subnets (${vpc}).`);
  }
  return vpc;
}

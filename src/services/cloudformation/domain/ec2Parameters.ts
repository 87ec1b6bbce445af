// Parameters of the AWS-specific EC2 types must name something that exists: asked of EC2 itself.
import { AwsError } from "../../../protocol/errors.js";
import { validation } from "../template/errors.js";
import { ec2Type } from "../template/parameterTypes.js";
import type { CloudFormationContext, Deployment } from "../context.js";
import type { Template } from "../template/types.js";

const LOOKUPS: Record<string, [string, string]> = {
  "AWS::EC2::VPC::Id": ["DescribeVpcs", "VpcIds"],
  "AWS::EC2::Subnet::Id": ["DescribeSubnets", "SubnetIds"],
  "AWS::EC2::SecurityGroup::Id": ["DescribeSecurityGroups", "GroupIds"],
  "AWS::EC2::Instance::Id": ["DescribeInstances", "InstanceIds"],
  "AWS::EC2::KeyPair::KeyName": ["DescribeKeyPairs", "KeyNames"],
  "AWS::EC2::Image::Id": ["DescribeImages", "ImageIds"],
  "AWS::EC2::AvailabilityZone::Name": ["DescribeAvailabilityZones", "ZoneNames"],
};

/** The EC2 operations the check may call (loaded before a deployment is prepared). */
export const EC2_LOOKUP_OPERATIONS = [...new Set(Object.values(LOOKUPS).map(([op]) => op))];

export function checkParameterResources(ctx: CloudFormationContext, t: Template, d: Deployment): void {
  for (const [name, decl] of Object.entries(t.Parameters ?? {})) {
    const type = ec2Type(decl.Type);
    const lookup = type && LOOKUPS[type];
    if (!lookup) continue;
    const values = d.values[name] === "" ? [] : d.values[name].split(",");
    for (const v of values) {
      try {
        ctx.backend.peers.client.call("ec2", lookup[0], { [lookup[1]]: [v] }, ctx.request);
      } catch (e) {
        // An EC2 operation ecs-local lacks cannot say; anything else means the value names nothing.
        if (e instanceof AwsError && e.code === "UnsupportedOperation") continue;
        throw validation(`Parameter validation failed: parameter value ${v} for parameter name ${name} does not exist.`);
      }
    }
  }
}

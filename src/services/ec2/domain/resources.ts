// Which resource an id names, for tagging: it must exist, and EC2 answers a missing one with its
// type's own NotFound error.
import { AwsError } from "../../../protocol/errors.js";
import type { Ec2State } from "../context.js";
import { ec2Errors } from "./errors.js";
import { resourceTypeOf } from "./ids.js";
import { checkComputeResource } from "./computeResources.js";
import { networkResourceExists } from "./networkResources.js";

export function checkResourceExists(state: Ec2State, id: string): string {
  const type = resourceTypeOf(id);
  if (type && networkResourceExists(state, type, id)) return type;
  switch (type) {
    case "vpc":
      if (!state.vpcs.has(id)) throw ec2Errors.vpcNotFound(id);
      break;
    case "subnet":
      if (!state.subnets.has(id)) throw ec2Errors.subnetNotFound(id);
      break;
    case "security-group":
      if (!state.securityGroups.has(id)) throw ec2Errors.groupNotFound(id);
      break;
    case "instance":
      if (!state.instances.has(id)) throw ec2Errors.instancesNotFound([id]);
      break;
    case "network-interface":
      if (!state.networkInterfaces.has(id)) throw ec2Errors.interfaceNotFound(id);
      break;
    case "image":
    case "key-pair":
    case "launch-template":
    case "volume":
      checkComputeResource(state, type, id);
      break;
    default:
      throw new AwsError("InvalidID", `The ID '${id}' is not valid`);
  }
  return type;
}

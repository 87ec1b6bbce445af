// EC2's error codes and texts, in one place (sources in FIDELITY.md).
import { AwsError } from "../../../protocol/errors.js";

const quoteList = (ids: string[]) => ids.join(", ");

export const ec2Errors = {
  vpcNotFound: (id: string) => new AwsError("InvalidVpcID.NotFound", `The vpc ID '${id}' does not exist`),
  subnetNotFound: (id: string) => new AwsError("InvalidSubnetID.NotFound", `The subnet ID '${id}' does not exist`),
  groupNotFound: (id: string) => new AwsError("InvalidGroup.NotFound", `The security group '${id}' does not exist`),
  groupNotFoundInVpc: (id: string, vpcId: string) => new AwsError("InvalidGroup.NotFound", `The security group '${id}' does not exist in VPC '${vpcId}'`),
  groupNameNotFoundInDefaultVpc: (name: string, vpcId: string) => new AwsError("InvalidGroup.NotFound", `The security group '${name}' does not exist in default VPC '${vpcId}'`),
  instancesNotFound: (ids: string[]) =>
    new AwsError("InvalidInstanceID.NotFound", ids.length === 1 ? `The instance ID '${ids[0]}' does not exist` : `The instance IDs '${quoteList(ids)}' do not exist`),
  interfaceNotFound: (id: string) => new AwsError("InvalidNetworkInterfaceID.NotFound", `The networkInterface ID '${id}' does not exist`),
  malformed: (code: string, id: string) => new AwsError(code, `Invalid id: "${id}"`),
  invalidParameter: (message: string) => new AwsError("InvalidParameterValue", message),
  combination: (message: string) => new AwsError("InvalidParameterCombination", message),
  dependency: (message: string) => new AwsError("DependencyViolation", message),
  filter: (name: string) => new AwsError("InvalidParameterValue", `The filter '${name}' is invalid`),
};

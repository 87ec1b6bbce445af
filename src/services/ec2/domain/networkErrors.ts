// EC2's error codes and texts for gateways, route tables, addresses, NAT gateways and security
// group rules (sources in FIDELITY.md, "EC2 networking").
import { AwsError } from "../../../protocol/errors.js";

export const networkErrors = {
  internetGatewayNotFound: (id: string) => new AwsError("InvalidInternetGatewayID.NotFound", `The internetGateway ID '${id}' does not exist`),
  gatewayNotFound: (id: string) => new AwsError("InvalidGatewayID.NotFound", `The gateway ID '${id}' does not exist`),
  alreadyAttached: (igwId: string, vpcId: string) => new AwsError("Resource.AlreadyAssociated", `resource ${igwId} is already attached to network ${vpcId}`),
  vpcHasGateway: (vpcId: string) => new AwsError("InvalidParameterValue", `Network ${vpcId} already has an internet gateway attached`),
  notAttached: (igwId: string, vpcId: string) => new AwsError("Gateway.NotAttached", `resource ${igwId} is not attached to network ${vpcId}`),
  vpcWithoutGateway: (vpcId: string) => new AwsError("Gateway.NotAttached", `Network ${vpcId} is not attached to any internet gateway`),
  mappedAddresses: (vpcId: string) =>
    new AwsError("DependencyViolation", `Network ${vpcId} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.`),
  hasDependencies: (kind: string, id: string) => new AwsError("DependencyViolation", `The ${kind} '${id}' has dependencies and cannot be deleted.`),
  networkAclNotFound: (id: string) => new AwsError("InvalidNetworkAclID.NotFound", `The networkAcl ID '${id}' does not exist`),
  routeTableNotFound: (id: string) => new AwsError("InvalidRouteTableID.NotFound", `The routeTable ID '${id}' does not exist`),
  routeNotFound: (destination: string, tableId: string) => new AwsError("InvalidRoute.NotFound", `no route with destination-cidr-block ${destination} in route table ${tableId}`),
  noRouteToReplace: (destination: string) => new AwsError("InvalidParameterValue", `There is no route defined for '${destination}' in the route table. Use CreateRoute instead.`),
  routeExists: (destination: string) => new AwsError("RouteAlreadyExists", `The route identified by ${destination} already exists.`),
  differentNetworks: (tableId: string, what: string, id: string) => new AwsError("InvalidParameterValue", `route table ${tableId} and ${what} ${id} belong to different networks`),
  associationConflict: (tableId: string) => new AwsError("Resource.AlreadyAssociated", `the specified association for route table ${tableId} conflicts with an existing association`),
  associationNotFound: (id: string) => new AwsError("InvalidAssociationID.NotFound", `The association ID '${id}' does not exist`),
  mainAssociation: (id: string) => new AwsError("InvalidParameterValue", `cannot disassociate the main route table association ${id}`),
  allocationNotFound: (id: string) => new AwsError("InvalidAllocationID.NotFound", `The allocation ID '${id}' does not exist`),
  addressNotFound: (ip: string) => new AwsError("InvalidAddress.NotFound", `Address '${ip}' not found.`),
  addressInUse: (ip: string) => new AwsError("InvalidIPAddress.InUse", `Address ${ip} is in use.`),
  addressAssociated: (allocationId: string, associationId: string) =>
    new AwsError("Resource.AlreadyAssociated", `resource ${allocationId} is already associated with associate-id ${associationId}`),
  addressLimit: () => new AwsError("AddressLimitExceeded", "The maximum number of addresses has been reached."),
  authFailure: () => new AwsError("AuthFailure", "You do not have permission to access the specified resource."),
  natGatewayNotFound: (id: string) => new AwsError("NatGatewayNotFound", `NAT gateway ${id} was not found`),
  natGatewayIdNotFound: (id: string) => new AwsError("InvalidNatGatewayID.NotFound", `The natGateway ID '${id}' does not exist`),
  permissionNotFound: () => new AwsError("InvalidPermission.NotFound", "The specified rule does not exist in this security group."),
  ruleNotFound: (id: string) => new AwsError("InvalidSecurityGroupRuleId.NotFound", `The security group rule ID '${id}' does not exist`),
  duplicateRule: (peer: string, rule: string) => new AwsError("InvalidPermission.Duplicate", `the specified rule "peer: ${peer}, ${rule}, ALLOW" already exists`),
  missing: (parameter: string) => new AwsError("MissingParameter", `The request must contain the parameter ${parameter}`),
};

// The dispatch table: one file per operation; null answers "not supported" in the protocol's format.
import type { Handlers } from "../context.js";
import { authorizeSecurityGroupIngress } from "./authorizeSecurityGroupIngress.js";
import { createSecurityGroup } from "./createSecurityGroup.js";
import { createSubnet } from "./createSubnet.js";
import { createTags } from "./createTags.js";
import { createVpc } from "./createVpc.js";
import { deleteSecurityGroup } from "./deleteSecurityGroup.js";
import { deleteSubnet } from "./deleteSubnet.js";
import { deleteTags } from "./deleteTags.js";
import { deleteVpc } from "./deleteVpc.js";
import { describeAvailabilityZones } from "./describeAvailabilityZones.js";
import { describeInstanceStatus } from "./describeInstanceStatus.js";
import { describeInstanceTypes } from "./describeInstanceTypes.js";
import { describeInstances } from "./describeInstances.js";
import { describeNetworkInterfaces } from "./describeNetworkInterfaces.js";
import { describeSecurityGroups } from "./describeSecurityGroups.js";
import { describeSubnets } from "./describeSubnets.js";
import { describeTags } from "./describeTags.js";
import { describeVpcAttribute } from "./describeVpcAttribute.js";
import { describeVpcs } from "./describeVpcs.js";
import { modifyVpcAttribute } from "./modifyVpcAttribute.js";
import { runInstances } from "./runInstances.js";
import { startInstances } from "./startInstances.js";
import { stopInstances } from "./stopInstances.js";
import { terminateInstances } from "./terminateInstances.js";

export const handlers: Handlers = {
  AuthorizeSecurityGroupIngress: authorizeSecurityGroupIngress,
  CreateSecurityGroup: createSecurityGroup,
  CreateSubnet: createSubnet,
  CreateTags: createTags,
  CreateVpc: createVpc,
  DeleteSecurityGroup: deleteSecurityGroup,
  DeleteSubnet: deleteSubnet,
  DeleteTags: deleteTags,
  DeleteVpc: deleteVpc,
  DescribeAvailabilityZones: describeAvailabilityZones,
  DescribeInstanceStatus: describeInstanceStatus,
  DescribeInstanceTypes: describeInstanceTypes,
  DescribeInstances: describeInstances,
  DescribeNetworkInterfaces: describeNetworkInterfaces,
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeSubnets: describeSubnets,
  DescribeTags: describeTags,
  DescribeVpcAttribute: describeVpcAttribute,
  DescribeVpcs: describeVpcs,
  ModifyVpcAttribute: modifyVpcAttribute,
  RunInstances: runInstances,
  StartInstances: startInstances,
  StopInstances: stopInstances,
  TerminateInstances: terminateInstances,
};

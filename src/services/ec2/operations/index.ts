// The dispatch table (written by `npm run handlers -- ec2` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
import type { Handlers } from "../context.js";
import { allocateAddress } from "./allocateAddress.js";
import { associateAddress } from "./associateAddress.js";
import { associateRouteTable } from "./associateRouteTable.js";
import { attachInternetGateway } from "./attachInternetGateway.js";
import { authorizeSecurityGroupEgress } from "./authorizeSecurityGroupEgress.js";
import { authorizeSecurityGroupIngress } from "./authorizeSecurityGroupIngress.js";
import { createInternetGateway } from "./createInternetGateway.js";
import { createNatGateway } from "./createNatGateway.js";
import { createRoute } from "./createRoute.js";
import { createRouteTable } from "./createRouteTable.js";
import { createSecurityGroup } from "./createSecurityGroup.js";
import { createSubnet } from "./createSubnet.js";
import { createTags } from "./createTags.js";
import { createVpc } from "./createVpc.js";
import { deleteInternetGateway } from "./deleteInternetGateway.js";
import { deleteNatGateway } from "./deleteNatGateway.js";
import { deleteRoute } from "./deleteRoute.js";
import { deleteRouteTable } from "./deleteRouteTable.js";
import { deleteSecurityGroup } from "./deleteSecurityGroup.js";
import { deleteSubnet } from "./deleteSubnet.js";
import { deleteTags } from "./deleteTags.js";
import { deleteVpc } from "./deleteVpc.js";
import { describeAddresses } from "./describeAddresses.js";
import { describeAddressesAttribute } from "./describeAddressesAttribute.js";
import { describeAvailabilityZones } from "./describeAvailabilityZones.js";
import { describeInstanceStatus } from "./describeInstanceStatus.js";
import { describeInstanceTypes } from "./describeInstanceTypes.js";
import { describeInstances } from "./describeInstances.js";
import { describeInternetGateways } from "./describeInternetGateways.js";
import { describeNatGateways } from "./describeNatGateways.js";
import { describeNetworkAcls } from "./describeNetworkAcls.js";
import { describeNetworkInterfaces } from "./describeNetworkInterfaces.js";
import { describeRegions } from "./describeRegions.js";
import { describeRouteTables } from "./describeRouteTables.js";
import { describeSecurityGroupRules } from "./describeSecurityGroupRules.js";
import { describeSecurityGroups } from "./describeSecurityGroups.js";
import { describeSubnets } from "./describeSubnets.js";
import { describeTags } from "./describeTags.js";
import { describeVpcAttribute } from "./describeVpcAttribute.js";
import { describeVpcs } from "./describeVpcs.js";
import { detachInternetGateway } from "./detachInternetGateway.js";
import { disassociateAddress } from "./disassociateAddress.js";
import { disassociateRouteTable } from "./disassociateRouteTable.js";
import { modifySecurityGroupRules } from "./modifySecurityGroupRules.js";
import { modifySubnetAttribute } from "./modifySubnetAttribute.js";
import { modifyVpcAttribute } from "./modifyVpcAttribute.js";
import { releaseAddress } from "./releaseAddress.js";
import { replaceRoute } from "./replaceRoute.js";
import { replaceRouteTableAssociation } from "./replaceRouteTableAssociation.js";
import { revokeSecurityGroupEgress } from "./revokeSecurityGroupEgress.js";
import { revokeSecurityGroupIngress } from "./revokeSecurityGroupIngress.js";
import { runInstances } from "./runInstances.js";
import { startInstances } from "./startInstances.js";
import { stopInstances } from "./stopInstances.js";
import { terminateInstances } from "./terminateInstances.js";
import { updateSecurityGroupRuleDescriptionsEgress } from "./updateSecurityGroupRuleDescriptionsEgress.js";
import { updateSecurityGroupRuleDescriptionsIngress } from "./updateSecurityGroupRuleDescriptionsIngress.js";

export const handlers: Handlers = {
  AllocateAddress: allocateAddress,
  AssociateAddress: associateAddress,
  AssociateRouteTable: associateRouteTable,
  AttachInternetGateway: attachInternetGateway,
  AuthorizeSecurityGroupEgress: authorizeSecurityGroupEgress,
  AuthorizeSecurityGroupIngress: authorizeSecurityGroupIngress,
  CreateInternetGateway: createInternetGateway,
  CreateKeyPair: null,
  CreateLaunchTemplate: null,
  CreateLaunchTemplateVersion: null,
  CreateNatGateway: createNatGateway,
  CreateRoute: createRoute,
  CreateRouteTable: createRouteTable,
  CreateSecurityGroup: createSecurityGroup,
  CreateSubnet: createSubnet,
  CreateTags: createTags,
  CreateVpc: createVpc,
  DeleteInternetGateway: deleteInternetGateway,
  DeleteKeyPair: null,
  DeleteLaunchTemplate: null,
  DeleteLaunchTemplateVersions: null,
  DeleteNatGateway: deleteNatGateway,
  DeleteRoute: deleteRoute,
  DeleteRouteTable: deleteRouteTable,
  DeleteSecurityGroup: deleteSecurityGroup,
  DeleteSubnet: deleteSubnet,
  DeleteTags: deleteTags,
  DeleteVpc: deleteVpc,
  DeregisterImage: null,
  DescribeAccountAttributes: null,
  DescribeAddresses: describeAddresses,
  DescribeAddressesAttribute: describeAddressesAttribute,
  DescribeAvailabilityZones: describeAvailabilityZones,
  DescribeImageAttribute: null,
  DescribeImages: null,
  DescribeInstanceAttribute: null,
  DescribeInstanceCreditSpecifications: null,
  DescribeInstanceStatus: describeInstanceStatus,
  DescribeInstanceTypeOfferings: null,
  DescribeInstanceTypes: describeInstanceTypes,
  DescribeInstances: describeInstances,
  DescribeInternetGateways: describeInternetGateways,
  DescribeKeyPairs: null,
  DescribeLaunchTemplateVersions: null,
  DescribeLaunchTemplates: null,
  DescribeManagedPrefixLists: null,
  DescribeNatGateways: describeNatGateways,
  DescribeNetworkAcls: describeNetworkAcls,
  DescribeNetworkInterfaces: describeNetworkInterfaces,
  DescribePrefixLists: null,
  DescribeRegions: describeRegions,
  DescribeRouteTables: describeRouteTables,
  DescribeSecurityGroupRules: describeSecurityGroupRules,
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeSubnets: describeSubnets,
  DescribeTags: describeTags,
  DescribeVolumes: null,
  DescribeVpcAttribute: describeVpcAttribute,
  DescribeVpcs: describeVpcs,
  DetachInternetGateway: detachInternetGateway,
  DisassociateAddress: disassociateAddress,
  DisassociateRouteTable: disassociateRouteTable,
  GetLaunchTemplateData: null,
  ImportKeyPair: null,
  ModifyInstanceAttribute: null,
  ModifyInstanceCreditSpecification: null,
  ModifyInstanceMetadataOptions: null,
  ModifyLaunchTemplate: null,
  ModifySecurityGroupRules: modifySecurityGroupRules,
  ModifySubnetAttribute: modifySubnetAttribute,
  ModifyVpcAttribute: modifyVpcAttribute,
  RegisterImage: null,
  ReleaseAddress: releaseAddress,
  ReplaceRoute: replaceRoute,
  ReplaceRouteTableAssociation: replaceRouteTableAssociation,
  RevokeSecurityGroupEgress: revokeSecurityGroupEgress,
  RevokeSecurityGroupIngress: revokeSecurityGroupIngress,
  RunInstances: runInstances,
  StartInstances: startInstances,
  StopInstances: stopInstances,
  TerminateInstances: terminateInstances,
  UpdateSecurityGroupRuleDescriptionsEgress: updateSecurityGroupRuleDescriptionsEgress,
  UpdateSecurityGroupRuleDescriptionsIngress: updateSecurityGroupRuleDescriptionsIngress,
};

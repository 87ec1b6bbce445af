// The dispatch table (written by `npm run handlers -- ec2` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
import type { Handlers } from "../context.js";
import { allocateAddress } from "./allocateAddress.js";
import { associateAddress } from "./associateAddress.js";
import { associateRouteTable } from "./associateRouteTable.js";
import { attachInternetGateway } from "./attachInternetGateway.js";
import { authorizeSecurityGroupEgress } from "./authorizeSecurityGroupEgress.js";
import { authorizeSecurityGroupIngress } from "./authorizeSecurityGroupIngress.js";
import { createImage } from "./createImage.js";
import { createInternetGateway } from "./createInternetGateway.js";
import { createKeyPair } from "./createKeyPair.js";
import { createLaunchTemplate } from "./createLaunchTemplate.js";
import { createLaunchTemplateVersion } from "./createLaunchTemplateVersion.js";
import { createNatGateway } from "./createNatGateway.js";
import { createRoute } from "./createRoute.js";
import { createRouteTable } from "./createRouteTable.js";
import { createSecurityGroup } from "./createSecurityGroup.js";
import { createSubnet } from "./createSubnet.js";
import { createTags } from "./createTags.js";
import { createVpc } from "./createVpc.js";
import { deleteInternetGateway } from "./deleteInternetGateway.js";
import { deleteKeyPair } from "./deleteKeyPair.js";
import { deleteLaunchTemplate } from "./deleteLaunchTemplate.js";
import { deleteLaunchTemplateVersions } from "./deleteLaunchTemplateVersions.js";
import { deleteNatGateway } from "./deleteNatGateway.js";
import { deleteRoute } from "./deleteRoute.js";
import { deleteRouteTable } from "./deleteRouteTable.js";
import { deleteSecurityGroup } from "./deleteSecurityGroup.js";
import { deleteSubnet } from "./deleteSubnet.js";
import { deleteTags } from "./deleteTags.js";
import { deleteVpc } from "./deleteVpc.js";
import { deregisterImage } from "./deregisterImage.js";
import { describeAccountAttributes } from "./describeAccountAttributes.js";
import { describeAddresses } from "./describeAddresses.js";
import { describeAddressesAttribute } from "./describeAddressesAttribute.js";
import { describeAvailabilityZones } from "./describeAvailabilityZones.js";
import { describeImageAttribute } from "./describeImageAttribute.js";
import { describeImages } from "./describeImages.js";
import { describeInstanceAttribute } from "./describeInstanceAttribute.js";
import { describeInstanceCreditSpecifications } from "./describeInstanceCreditSpecifications.js";
import { describeInstanceStatus } from "./describeInstanceStatus.js";
import { describeInstanceTypeOfferings } from "./describeInstanceTypeOfferings.js";
import { describeInstanceTypes } from "./describeInstanceTypes.js";
import { describeInstances } from "./describeInstances.js";
import { describeInternetGateways } from "./describeInternetGateways.js";
import { describeKeyPairs } from "./describeKeyPairs.js";
import { describeLaunchTemplateVersions } from "./describeLaunchTemplateVersions.js";
import { describeLaunchTemplates } from "./describeLaunchTemplates.js";
import { describeNatGateways } from "./describeNatGateways.js";
import { describeNetworkAcls } from "./describeNetworkAcls.js";
import { describeNetworkInterfaces } from "./describeNetworkInterfaces.js";
import { describeRegions } from "./describeRegions.js";
import { describeRouteTables } from "./describeRouteTables.js";
import { describeSecurityGroupRules } from "./describeSecurityGroupRules.js";
import { describeSecurityGroups } from "./describeSecurityGroups.js";
import { describeSubnets } from "./describeSubnets.js";
import { describeTags } from "./describeTags.js";
import { describeVolumes } from "./describeVolumes.js";
import { describeVpcAttribute } from "./describeVpcAttribute.js";
import { describeVpcs } from "./describeVpcs.js";
import { detachInternetGateway } from "./detachInternetGateway.js";
import { disassociateAddress } from "./disassociateAddress.js";
import { disassociateRouteTable } from "./disassociateRouteTable.js";
import { getLaunchTemplateData } from "./getLaunchTemplateData.js";
import { importKeyPair } from "./importKeyPair.js";
import { modifyInstanceAttribute } from "./modifyInstanceAttribute.js";
import { modifyInstanceCreditSpecification } from "./modifyInstanceCreditSpecification.js";
import { modifyInstanceMetadataOptions } from "./modifyInstanceMetadataOptions.js";
import { modifyLaunchTemplate } from "./modifyLaunchTemplate.js";
import { modifySecurityGroupRules } from "./modifySecurityGroupRules.js";
import { modifySubnetAttribute } from "./modifySubnetAttribute.js";
import { modifyVpcAttribute } from "./modifyVpcAttribute.js";
import { registerImage } from "./registerImage.js";
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
  CreateImage: createImage,
  CreateInternetGateway: createInternetGateway,
  CreateKeyPair: createKeyPair,
  CreateLaunchTemplate: createLaunchTemplate,
  CreateLaunchTemplateVersion: createLaunchTemplateVersion,
  CreateNatGateway: createNatGateway,
  CreateRoute: createRoute,
  CreateRouteTable: createRouteTable,
  CreateSecurityGroup: createSecurityGroup,
  CreateSubnet: createSubnet,
  CreateTags: createTags,
  CreateVpc: createVpc,
  DeleteInternetGateway: deleteInternetGateway,
  DeleteKeyPair: deleteKeyPair,
  DeleteLaunchTemplate: deleteLaunchTemplate,
  DeleteLaunchTemplateVersions: deleteLaunchTemplateVersions,
  DeleteNatGateway: deleteNatGateway,
  DeleteRoute: deleteRoute,
  DeleteRouteTable: deleteRouteTable,
  DeleteSecurityGroup: deleteSecurityGroup,
  DeleteSubnet: deleteSubnet,
  DeleteTags: deleteTags,
  DeleteVpc: deleteVpc,
  DeregisterImage: deregisterImage,
  DescribeAccountAttributes: describeAccountAttributes,
  DescribeAddresses: describeAddresses,
  DescribeAddressesAttribute: describeAddressesAttribute,
  DescribeAvailabilityZones: describeAvailabilityZones,
  DescribeImageAttribute: describeImageAttribute,
  DescribeImages: describeImages,
  DescribeInstanceAttribute: describeInstanceAttribute,
  DescribeInstanceCreditSpecifications: describeInstanceCreditSpecifications,
  DescribeInstanceStatus: describeInstanceStatus,
  DescribeInstanceTypeOfferings: describeInstanceTypeOfferings,
  DescribeInstanceTypes: describeInstanceTypes,
  DescribeInstances: describeInstances,
  DescribeInternetGateways: describeInternetGateways,
  DescribeKeyPairs: describeKeyPairs,
  DescribeLaunchTemplateVersions: describeLaunchTemplateVersions,
  DescribeLaunchTemplates: describeLaunchTemplates,
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
  DescribeVolumes: describeVolumes,
  DescribeVpcAttribute: describeVpcAttribute,
  DescribeVpcs: describeVpcs,
  DetachInternetGateway: detachInternetGateway,
  DisassociateAddress: disassociateAddress,
  DisassociateRouteTable: disassociateRouteTable,
  GetLaunchTemplateData: getLaunchTemplateData,
  ImportKeyPair: importKeyPair,
  ModifyInstanceAttribute: modifyInstanceAttribute,
  ModifyInstanceCreditSpecification: modifyInstanceCreditSpecification,
  ModifyInstanceMetadataOptions: modifyInstanceMetadataOptions,
  ModifyLaunchTemplate: modifyLaunchTemplate,
  ModifySecurityGroupRules: modifySecurityGroupRules,
  ModifySubnetAttribute: modifySubnetAttribute,
  ModifyVpcAttribute: modifyVpcAttribute,
  RegisterImage: registerImage,
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

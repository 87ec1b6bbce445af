// The dispatch table (written by `npm run handlers -- ec2` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
import type { Handlers } from "../context.js";
import { authorizeSecurityGroupIngress } from "./authorizeSecurityGroupIngress.js";
import { createImage } from "./createImage.js";
import { createKeyPair } from "./createKeyPair.js";
import { createLaunchTemplate } from "./createLaunchTemplate.js";
import { createLaunchTemplateVersion } from "./createLaunchTemplateVersion.js";
import { createSecurityGroup } from "./createSecurityGroup.js";
import { createSubnet } from "./createSubnet.js";
import { createTags } from "./createTags.js";
import { createVpc } from "./createVpc.js";
import { deleteKeyPair } from "./deleteKeyPair.js";
import { deleteLaunchTemplate } from "./deleteLaunchTemplate.js";
import { deleteLaunchTemplateVersions } from "./deleteLaunchTemplateVersions.js";
import { deleteSecurityGroup } from "./deleteSecurityGroup.js";
import { deleteSubnet } from "./deleteSubnet.js";
import { deleteTags } from "./deleteTags.js";
import { deleteVpc } from "./deleteVpc.js";
import { deregisterImage } from "./deregisterImage.js";
import { describeAccountAttributes } from "./describeAccountAttributes.js";
import { describeAvailabilityZones } from "./describeAvailabilityZones.js";
import { describeImageAttribute } from "./describeImageAttribute.js";
import { describeImages } from "./describeImages.js";
import { describeInstanceAttribute } from "./describeInstanceAttribute.js";
import { describeInstanceCreditSpecifications } from "./describeInstanceCreditSpecifications.js";
import { describeInstanceStatus } from "./describeInstanceStatus.js";
import { describeInstanceTypeOfferings } from "./describeInstanceTypeOfferings.js";
import { describeInstanceTypes } from "./describeInstanceTypes.js";
import { describeInstances } from "./describeInstances.js";
import { describeKeyPairs } from "./describeKeyPairs.js";
import { describeLaunchTemplateVersions } from "./describeLaunchTemplateVersions.js";
import { describeLaunchTemplates } from "./describeLaunchTemplates.js";
import { describeNetworkInterfaces } from "./describeNetworkInterfaces.js";
import { describeSecurityGroups } from "./describeSecurityGroups.js";
import { describeSubnets } from "./describeSubnets.js";
import { describeTags } from "./describeTags.js";
import { describeVolumes } from "./describeVolumes.js";
import { describeVpcAttribute } from "./describeVpcAttribute.js";
import { describeVpcs } from "./describeVpcs.js";
import { getLaunchTemplateData } from "./getLaunchTemplateData.js";
import { importKeyPair } from "./importKeyPair.js";
import { modifyInstanceAttribute } from "./modifyInstanceAttribute.js";
import { modifyInstanceCreditSpecification } from "./modifyInstanceCreditSpecification.js";
import { modifyInstanceMetadataOptions } from "./modifyInstanceMetadataOptions.js";
import { modifyLaunchTemplate } from "./modifyLaunchTemplate.js";
import { modifyVpcAttribute } from "./modifyVpcAttribute.js";
import { registerImage } from "./registerImage.js";
import { runInstances } from "./runInstances.js";
import { startInstances } from "./startInstances.js";
import { stopInstances } from "./stopInstances.js";
import { terminateInstances } from "./terminateInstances.js";

export const handlers: Handlers = {
  AllocateAddress: null,
  AssociateAddress: null,
  AssociateRouteTable: null,
  AttachInternetGateway: null,
  AuthorizeSecurityGroupEgress: null,
  AuthorizeSecurityGroupIngress: authorizeSecurityGroupIngress,
  CreateImage: createImage,
  CreateInternetGateway: null,
  CreateKeyPair: createKeyPair,
  CreateLaunchTemplate: createLaunchTemplate,
  CreateLaunchTemplateVersion: createLaunchTemplateVersion,
  CreateNatGateway: null,
  CreateRoute: null,
  CreateRouteTable: null,
  CreateSecurityGroup: createSecurityGroup,
  CreateSubnet: createSubnet,
  CreateTags: createTags,
  CreateVpc: createVpc,
  DeleteInternetGateway: null,
  DeleteKeyPair: deleteKeyPair,
  DeleteLaunchTemplate: deleteLaunchTemplate,
  DeleteLaunchTemplateVersions: deleteLaunchTemplateVersions,
  DeleteNatGateway: null,
  DeleteRoute: null,
  DeleteRouteTable: null,
  DeleteSecurityGroup: deleteSecurityGroup,
  DeleteSubnet: deleteSubnet,
  DeleteTags: deleteTags,
  DeleteVpc: deleteVpc,
  DeregisterImage: deregisterImage,
  DescribeAccountAttributes: describeAccountAttributes,
  DescribeAddresses: null,
  DescribeAddressesAttribute: null,
  DescribeAvailabilityZones: describeAvailabilityZones,
  DescribeImageAttribute: describeImageAttribute,
  DescribeImages: describeImages,
  DescribeInstanceAttribute: describeInstanceAttribute,
  DescribeInstanceCreditSpecifications: describeInstanceCreditSpecifications,
  DescribeInstanceStatus: describeInstanceStatus,
  DescribeInstanceTypeOfferings: describeInstanceTypeOfferings,
  DescribeInstanceTypes: describeInstanceTypes,
  DescribeInstances: describeInstances,
  DescribeInternetGateways: null,
  DescribeKeyPairs: describeKeyPairs,
  DescribeLaunchTemplateVersions: describeLaunchTemplateVersions,
  DescribeLaunchTemplates: describeLaunchTemplates,
  DescribeManagedPrefixLists: null,
  DescribeNatGateways: null,
  DescribeNetworkAcls: null,
  DescribeNetworkInterfaces: describeNetworkInterfaces,
  DescribePrefixLists: null,
  DescribeRegions: null,
  DescribeRouteTables: null,
  DescribeSecurityGroupRules: null,
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeSubnets: describeSubnets,
  DescribeTags: describeTags,
  DescribeVolumes: describeVolumes,
  DescribeVpcAttribute: describeVpcAttribute,
  DescribeVpcs: describeVpcs,
  DetachInternetGateway: null,
  DisassociateAddress: null,
  DisassociateRouteTable: null,
  GetLaunchTemplateData: getLaunchTemplateData,
  ImportKeyPair: importKeyPair,
  ModifyInstanceAttribute: modifyInstanceAttribute,
  ModifyInstanceCreditSpecification: modifyInstanceCreditSpecification,
  ModifyInstanceMetadataOptions: modifyInstanceMetadataOptions,
  ModifyLaunchTemplate: modifyLaunchTemplate,
  ModifySecurityGroupRules: null,
  ModifySubnetAttribute: null,
  ModifyVpcAttribute: modifyVpcAttribute,
  RegisterImage: registerImage,
  ReleaseAddress: null,
  ReplaceRoute: null,
  ReplaceRouteTableAssociation: null,
  RevokeSecurityGroupEgress: null,
  RevokeSecurityGroupIngress: null,
  RunInstances: runInstances,
  StartInstances: startInstances,
  StopInstances: stopInstances,
  TerminateInstances: terminateInstances,
  UpdateSecurityGroupRuleDescriptionsEgress: null,
  UpdateSecurityGroupRuleDescriptionsIngress: null,
};

// The dispatch table: one file per operation; null answers "not supported" in the protocol's format.
import type { Handlers } from "../context.js";

export const handlers: Handlers = {
  AuthorizeSecurityGroupIngress: null,
  CreateSecurityGroup: null,
  CreateSubnet: null,
  CreateTags: null,
  CreateVpc: null,
  DeleteSecurityGroup: null,
  DeleteSubnet: null,
  DeleteTags: null,
  DeleteVpc: null,
  DescribeAvailabilityZones: null,
  DescribeInstanceStatus: null,
  DescribeInstanceTypes: null,
  DescribeInstances: null,
  DescribeNetworkInterfaces: null,
  DescribeSecurityGroups: null,
  DescribeSubnets: null,
  DescribeTags: null,
  DescribeVpcAttribute: null,
  DescribeVpcs: null,
  ModifyVpcAttribute: null,
  RunInstances: null,
  StartInstances: null,
  StopInstances: null,
  TerminateInstances: null,
};

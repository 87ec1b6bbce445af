// The dispatch table (written by `npm run handlers -- elbv2` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
import type { Handlers } from "../context.js";
import { addTags } from "./addTags.js";
import { createListener } from "./createListener.js";
import { createLoadBalancer } from "./createLoadBalancer.js";
import { createRule } from "./createRule.js";
import { createTargetGroup } from "./createTargetGroup.js";
import { deleteListener } from "./deleteListener.js";
import { deleteLoadBalancer } from "./deleteLoadBalancer.js";
import { deleteRule } from "./deleteRule.js";
import { deleteTargetGroup } from "./deleteTargetGroup.js";
import { deregisterTargets } from "./deregisterTargets.js";
import { describeListeners } from "./describeListeners.js";
import { describeLoadBalancerAttributes } from "./describeLoadBalancerAttributes.js";
import { describeLoadBalancers } from "./describeLoadBalancers.js";
import { describeRules } from "./describeRules.js";
import { describeTags } from "./describeTags.js";
import { describeTargetGroupAttributes } from "./describeTargetGroupAttributes.js";
import { describeTargetGroups } from "./describeTargetGroups.js";
import { describeTargetHealth } from "./describeTargetHealth.js";
import { modifyListener } from "./modifyListener.js";
import { modifyLoadBalancerAttributes } from "./modifyLoadBalancerAttributes.js";
import { modifyRule } from "./modifyRule.js";
import { modifyTargetGroup } from "./modifyTargetGroup.js";
import { modifyTargetGroupAttributes } from "./modifyTargetGroupAttributes.js";
import { registerTargets } from "./registerTargets.js";
import { removeTags } from "./removeTags.js";
import { setRulePriorities } from "./setRulePriorities.js";

export const handlers: Handlers = {
  AddListenerCertificates: null,
  AddTags: addTags,
  AddTrustStoreRevocations: null,
  CreateListener: createListener,
  CreateLoadBalancer: createLoadBalancer,
  CreateRule: createRule,
  CreateTargetGroup: createTargetGroup,
  CreateTrustStore: null,
  DeleteListener: deleteListener,
  DeleteLoadBalancer: deleteLoadBalancer,
  DeleteRule: deleteRule,
  DeleteSharedTrustStoreAssociation: null,
  DeleteTargetGroup: deleteTargetGroup,
  DeleteTrustStore: null,
  DeregisterTargets: deregisterTargets,
  DescribeAccountLimits: null,
  DescribeCapacityReservation: null,
  DescribeListenerAttributes: null,
  DescribeListenerCertificates: null,
  DescribeListeners: describeListeners,
  DescribeLoadBalancerAttributes: describeLoadBalancerAttributes,
  DescribeLoadBalancers: describeLoadBalancers,
  DescribeRules: describeRules,
  DescribeSSLPolicies: null,
  DescribeTags: describeTags,
  DescribeTargetGroupAttributes: describeTargetGroupAttributes,
  DescribeTargetGroups: describeTargetGroups,
  DescribeTargetHealth: describeTargetHealth,
  DescribeTrustStoreAssociations: null,
  DescribeTrustStoreRevocations: null,
  DescribeTrustStores: null,
  GetResourcePolicy: null,
  GetTrustStoreCaCertificatesBundle: null,
  GetTrustStoreRevocationContent: null,
  ModifyCapacityReservation: null,
  ModifyIpPools: null,
  ModifyListener: modifyListener,
  ModifyListenerAttributes: null,
  ModifyLoadBalancerAttributes: modifyLoadBalancerAttributes,
  ModifyRule: modifyRule,
  ModifyTargetGroup: modifyTargetGroup,
  ModifyTargetGroupAttributes: modifyTargetGroupAttributes,
  ModifyTrustStore: null,
  RegisterTargets: registerTargets,
  RemoveListenerCertificates: null,
  RemoveTags: removeTags,
  RemoveTrustStoreRevocations: null,
  SetIpAddressType: null,
  SetRulePriorities: setRulePriorities,
  SetSecurityGroups: null,
  SetSubnets: null,
};

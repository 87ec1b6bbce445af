// The dispatch table (written by `npm run handlers -- autoscaling` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
import type { Handlers } from "../context.js";
import { attachInstances } from "./attachInstances.js";
import { attachLoadBalancerTargetGroups } from "./attachLoadBalancerTargetGroups.js";
import { attachTrafficSources } from "./attachTrafficSources.js";
import { batchDeleteScheduledAction } from "./batchDeleteScheduledAction.js";
import { batchPutScheduledUpdateGroupAction } from "./batchPutScheduledUpdateGroupAction.js";
import { cancelInstanceRefresh } from "./cancelInstanceRefresh.js";
import { completeLifecycleAction } from "./completeLifecycleAction.js";
import { createAutoScalingGroup } from "./createAutoScalingGroup.js";
import { createLaunchConfiguration } from "./createLaunchConfiguration.js";
import { createOrUpdateTags } from "./createOrUpdateTags.js";
import { deleteAutoScalingGroup } from "./deleteAutoScalingGroup.js";
import { deleteLaunchConfiguration } from "./deleteLaunchConfiguration.js";
import { deleteLifecycleHook } from "./deleteLifecycleHook.js";
import { deletePolicy } from "./deletePolicy.js";
import { deleteScheduledAction } from "./deleteScheduledAction.js";
import { deleteTags } from "./deleteTags.js";
import { describeAccountLimits } from "./describeAccountLimits.js";
import { describeAdjustmentTypes } from "./describeAdjustmentTypes.js";
import { describeAutoScalingGroups } from "./describeAutoScalingGroups.js";
import { describeAutoScalingInstances } from "./describeAutoScalingInstances.js";
import { describeAutoScalingNotificationTypes } from "./describeAutoScalingNotificationTypes.js";
import { describeInstanceRefreshes } from "./describeInstanceRefreshes.js";
import { describeLaunchConfigurations } from "./describeLaunchConfigurations.js";
import { describeLifecycleHookTypes } from "./describeLifecycleHookTypes.js";
import { describeLifecycleHooks } from "./describeLifecycleHooks.js";
import { describeLoadBalancerTargetGroups } from "./describeLoadBalancerTargetGroups.js";
import { describeLoadBalancers } from "./describeLoadBalancers.js";
import { describeMetricCollectionTypes } from "./describeMetricCollectionTypes.js";
import { describePolicies } from "./describePolicies.js";
import { describeScalingActivities } from "./describeScalingActivities.js";
import { describeScalingProcessTypes } from "./describeScalingProcessTypes.js";
import { describeScheduledActions } from "./describeScheduledActions.js";
import { describeTags } from "./describeTags.js";
import { describeTerminationPolicyTypes } from "./describeTerminationPolicyTypes.js";
import { describeTrafficSources } from "./describeTrafficSources.js";
import { detachInstances } from "./detachInstances.js";
import { detachLoadBalancerTargetGroups } from "./detachLoadBalancerTargetGroups.js";
import { detachTrafficSources } from "./detachTrafficSources.js";
import { disableMetricsCollection } from "./disableMetricsCollection.js";
import { enableMetricsCollection } from "./enableMetricsCollection.js";
import { enterStandby } from "./enterStandby.js";
import { executePolicy } from "./executePolicy.js";
import { exitStandby } from "./exitStandby.js";
import { putLifecycleHook } from "./putLifecycleHook.js";
import { putScalingPolicy } from "./putScalingPolicy.js";
import { putScheduledUpdateGroupAction } from "./putScheduledUpdateGroupAction.js";
import { recordLifecycleActionHeartbeat } from "./recordLifecycleActionHeartbeat.js";
import { resumeProcesses } from "./resumeProcesses.js";
import { setDesiredCapacity } from "./setDesiredCapacity.js";
import { setInstanceHealth } from "./setInstanceHealth.js";
import { setInstanceProtection } from "./setInstanceProtection.js";
import { startInstanceRefresh } from "./startInstanceRefresh.js";
import { suspendProcesses } from "./suspendProcesses.js";
import { terminateInstanceInAutoScalingGroup } from "./terminateInstanceInAutoScalingGroup.js";
import { updateAutoScalingGroup } from "./updateAutoScalingGroup.js";

export const handlers: Handlers = {
  AttachInstances: attachInstances,
  AttachLoadBalancerTargetGroups: attachLoadBalancerTargetGroups,
  AttachLoadBalancers: null,
  AttachTrafficSources: attachTrafficSources,
  BatchDeleteScheduledAction: batchDeleteScheduledAction,
  BatchPutScheduledUpdateGroupAction: batchPutScheduledUpdateGroupAction,
  CancelInstanceRefresh: cancelInstanceRefresh,
  CompleteLifecycleAction: completeLifecycleAction,
  CreateAutoScalingGroup: createAutoScalingGroup,
  CreateLaunchConfiguration: createLaunchConfiguration,
  CreateOrUpdateTags: createOrUpdateTags,
  DeleteAutoScalingGroup: deleteAutoScalingGroup,
  DeleteLaunchConfiguration: deleteLaunchConfiguration,
  DeleteLifecycleHook: deleteLifecycleHook,
  DeleteNotificationConfiguration: null,
  DeletePolicy: deletePolicy,
  DeleteScheduledAction: deleteScheduledAction,
  DeleteTags: deleteTags,
  DeleteWarmPool: null,
  DescribeAccountLimits: describeAccountLimits,
  DescribeAdjustmentTypes: describeAdjustmentTypes,
  DescribeAutoScalingGroups: describeAutoScalingGroups,
  DescribeAutoScalingInstances: describeAutoScalingInstances,
  DescribeAutoScalingNotificationTypes: describeAutoScalingNotificationTypes,
  DescribeInstanceRefreshes: describeInstanceRefreshes,
  DescribeLaunchConfigurations: describeLaunchConfigurations,
  DescribeLifecycleHookTypes: describeLifecycleHookTypes,
  DescribeLifecycleHooks: describeLifecycleHooks,
  DescribeLoadBalancerTargetGroups: describeLoadBalancerTargetGroups,
  DescribeLoadBalancers: describeLoadBalancers,
  DescribeMetricCollectionTypes: describeMetricCollectionTypes,
  DescribeNotificationConfigurations: null,
  DescribePolicies: describePolicies,
  DescribeScalingActivities: describeScalingActivities,
  DescribeScalingProcessTypes: describeScalingProcessTypes,
  DescribeScheduledActions: describeScheduledActions,
  DescribeTags: describeTags,
  DescribeTerminationPolicyTypes: describeTerminationPolicyTypes,
  DescribeTrafficSources: describeTrafficSources,
  DescribeWarmPool: null,
  DetachInstances: detachInstances,
  DetachLoadBalancerTargetGroups: detachLoadBalancerTargetGroups,
  DetachLoadBalancers: null,
  DetachTrafficSources: detachTrafficSources,
  DisableMetricsCollection: disableMetricsCollection,
  EnableMetricsCollection: enableMetricsCollection,
  EnterStandby: enterStandby,
  ExecutePolicy: executePolicy,
  ExitStandby: exitStandby,
  GetPredictiveScalingForecast: null,
  LaunchInstances: null,
  PutLifecycleHook: putLifecycleHook,
  PutNotificationConfiguration: null,
  PutScalingPolicy: putScalingPolicy,
  PutScheduledUpdateGroupAction: putScheduledUpdateGroupAction,
  PutWarmPool: null,
  RecordLifecycleActionHeartbeat: recordLifecycleActionHeartbeat,
  ResumeProcesses: resumeProcesses,
  RollbackInstanceRefresh: null,
  SetDesiredCapacity: setDesiredCapacity,
  SetInstanceHealth: setInstanceHealth,
  SetInstanceProtection: setInstanceProtection,
  StartInstanceRefresh: startInstanceRefresh,
  SuspendProcesses: suspendProcesses,
  TerminateInstanceInAutoScalingGroup: terminateInstanceInAutoScalingGroup,
  UpdateAutoScalingGroup: updateAutoScalingGroup,
};

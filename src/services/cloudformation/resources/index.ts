// Every resource type ecs-local can make, by type name. A type not here is refused at create with
// AWS's "Unrecognized resource types"; Lambda-backed ones fail their create with a reason.
import type { ResourceProvider } from "./provider.js";
import { refusedProvider } from "./refused.js";
import { provider as cdkMetadata } from "./AWS_CDK_Metadata.js";
import { provider as waitHandle } from "./AWS_CloudFormation_WaitConditionHandle.js";
import { provider as ecsCluster } from "./AWS_ECS_Cluster.js";
import { provider as ecsTaskDefinition } from "./AWS_ECS_TaskDefinition.js";
import { provider as ecsService } from "./AWS_ECS_Service.js";
import { provider as ecsCapacityProvider } from "./AWS_ECS_CapacityProvider.js";
import { provider as ecsAssociations } from "./AWS_ECS_ClusterCapacityProviderAssociations.js";
import { provider as ecsTaskSet } from "./AWS_ECS_TaskSet.js";
import { provider as ecsPrimaryTaskSet } from "./AWS_ECS_PrimaryTaskSet.js";
import { provider as vpc } from "./AWS_EC2_VPC.js";
import { provider as subnet } from "./AWS_EC2_Subnet.js";
import { provider as securityGroup } from "./AWS_EC2_SecurityGroup.js";
import { provider as securityGroupIngress } from "./AWS_EC2_SecurityGroupIngress.js";
import { provider as securityGroupEgress } from "./AWS_EC2_SecurityGroupEgress.js";
import { provider as internetGateway } from "./AWS_EC2_InternetGateway.js";
import { provider as gatewayAttachment } from "./AWS_EC2_VPCGatewayAttachment.js";
import { provider as routeTable } from "./AWS_EC2_RouteTable.js";
import { provider as route } from "./AWS_EC2_Route.js";
import { provider as subnetRouteTableAssociation } from "./AWS_EC2_SubnetRouteTableAssociation.js";
import { provider as eip } from "./AWS_EC2_EIP.js";
import { provider as natGateway } from "./AWS_EC2_NatGateway.js";
import { provider as instance } from "./AWS_EC2_Instance.js";
import { provider as launchTemplate } from "./AWS_EC2_LaunchTemplate.js";
import { provider as keyPair } from "./AWS_EC2_KeyPair.js";
import { provider as logGroup } from "./AWS_Logs_LogGroup.js";
import { provider as logStream } from "./AWS_Logs_LogStream.js";
import { provider as loadBalancer } from "./AWS_ElasticLoadBalancingV2_LoadBalancer.js";
import { provider as targetGroup } from "./AWS_ElasticLoadBalancingV2_TargetGroup.js";
import { provider as listener } from "./AWS_ElasticLoadBalancingV2_Listener.js";
import { provider as listenerRule } from "./AWS_ElasticLoadBalancingV2_ListenerRule.js";
import { provider as iamRole } from "./AWS_IAM_Role.js";
import { provider as iamPolicy } from "./AWS_IAM_Policy.js";
import { provider as iamManagedPolicy } from "./AWS_IAM_ManagedPolicy.js";
import { provider as iamInstanceProfile } from "./AWS_IAM_InstanceProfile.js";
import { provider as iamServiceLinkedRole } from "./AWS_IAM_ServiceLinkedRole.js";
import { provider as ssmParameter } from "./AWS_SSM_Parameter.js";
import { provider as autoScalingGroup } from "./AWS_AutoScaling_AutoScalingGroup.js";
import { provider as launchConfiguration } from "./AWS_AutoScaling_LaunchConfiguration.js";
import { provider as lifecycleHook } from "./AWS_AutoScaling_LifecycleHook.js";
import { provider as scalingPolicy } from "./AWS_AutoScaling_ScalingPolicy.js";
import { provider as scheduledAction } from "./AWS_AutoScaling_ScheduledAction.js";
import { provider as secret } from "./AWS_SecretsManager_Secret.js";
import { provider as scalableTarget } from "./AWS_ApplicationAutoScaling_ScalableTarget.js";
import { provider as appScalingPolicy } from "./AWS_ApplicationAutoScaling_ScalingPolicy.js";
import { provider as s3Bucket } from "./AWS_S3_Bucket.js";
import { provider as s3BucketPolicy } from "./AWS_S3_BucketPolicy.js";
import { provider as ecrRepository } from "./AWS_ECR_Repository.js";
import { httpNamespace, privateDnsNamespace, publicDnsNamespace } from "./AWS_ServiceDiscovery_Namespaces.js";
import { provider as cloudMapService } from "./AWS_ServiceDiscovery_Service.js";
import { provider as cloudMapInstance } from "./AWS_ServiceDiscovery_Instance.js";

const PROVIDERS = new Map<string, ResourceProvider>(
  [
    cdkMetadata, waitHandle,
    ecsCluster, ecsTaskDefinition, ecsService, ecsCapacityProvider, ecsAssociations, ecsTaskSet, ecsPrimaryTaskSet,
    vpc, subnet, securityGroup, securityGroupIngress, securityGroupEgress,
    internetGateway, gatewayAttachment, routeTable, route, subnetRouteTableAssociation, eip, natGateway, instance, launchTemplate, keyPair,
    logGroup, logStream,
    loadBalancer, targetGroup, listener, listenerRule,
    iamRole, iamPolicy, iamManagedPolicy, iamInstanceProfile, iamServiceLinkedRole,
    ssmParameter,
    autoScalingGroup, launchConfiguration, lifecycleHook, scalingPolicy, scheduledAction,
    secret, scalableTarget, appScalingPolicy,
    s3Bucket, s3BucketPolicy, ecrRepository,
    httpNamespace, privateDnsNamespace, publicDnsNamespace, cloudMapService, cloudMapInstance,
  ].map((p) => [p.type, p]),
);

/** The provider of a type, a refusing one for Lambda-backed types, undefined for a type ecs-local does not know. */
export function providerFor(type: string): ResourceProvider | undefined {
  const p = PROVIDERS.get(type);
  if (p) return p;
  if (type.startsWith("Custom::") || type === "AWS::CloudFormation::CustomResource" || type.startsWith("AWS::Lambda::") || type === "AWS::CloudFormation::Stack") return refusedProvider(type);
  // The CDK's bootstrap template declares a KMS key under a condition that is false by default.
  if (type === "AWS::KMS::Key" || type === "AWS::KMS::Alias") return refusedProvider(type);
  return undefined;
}

export const knownTypes = (): string[] => [...PROVIDERS.keys()];

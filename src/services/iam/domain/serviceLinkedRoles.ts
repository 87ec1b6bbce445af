// The service-linked roles ecs-local makes: those of the services an ECS deployment uses. Each
// has AWS's name, path (/aws-service-role/<service>/), trust policy (the service may assume it)
// and managed policy, from AWS's own answers (LocalStack's recorded AWS responses for
// CreateServiceLinkedRole, and the Application Auto Scaling user guide for its ECS role).
import { awsPolicyArn } from "./arns.js";

export interface LinkedService {
  roleName: string;
  policy: string;
  /** Whether the service takes a CustomSuffix (AWS refuses it for most). */
  suffix: boolean;
}

export const LINKED_SERVICES: Readonly<Record<string, LinkedService>> = {
  "ecs.amazonaws.com": { roleName: "AWSServiceRoleForECS", policy: awsPolicyArn("/aws-service-role/", "AmazonECSServiceRolePolicy"), suffix: false },
  "autoscaling.amazonaws.com": { roleName: "AWSServiceRoleForAutoScaling", policy: awsPolicyArn("/aws-service-role/", "AutoScalingServiceRolePolicy"), suffix: true },
  "elasticloadbalancing.amazonaws.com": { roleName: "AWSServiceRoleForElasticLoadBalancing", policy: awsPolicyArn("/aws-service-role/", "AWSElasticLoadBalancingServiceRolePolicy"), suffix: false },
  "ecs.application-autoscaling.amazonaws.com": {
    roleName: "AWSServiceRoleForApplicationAutoScaling_ECSService",
    policy: awsPolicyArn("/aws-service-role/", "AWSApplicationAutoscalingECSServicePolicy"),
    suffix: false,
  },
};

/** The trust policy of a service's linked role. */
export const linkedTrustPolicy = (service: string): string => JSON.stringify({ Version: "2012-10-17", Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: service } }] });

export const linkedPath = (service: string): string => `/aws-service-role/${service}/`;

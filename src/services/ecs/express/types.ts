// What ECS keeps for Express services beside the ECS service each one is: the configurations it
// rolled out, the resources it made in the other services, and the load balancers they share.
import type { Timer } from "../../../engine/timeline.js";
import type { AccessType, ExpressGatewayServiceConfiguration, ExpressGatewayServiceStatusCode, ManagedResourceStatus } from "../generated/types.js";

/** A resource Express made, and where it stands as ECS shows it (PROVISIONING, ACTIVE, DEPROVISIONING, DELETED). */
export interface Made {
  arn: string;
  status: ManagedResourceStatus;
  updatedAt: number;
}

export interface ExpressConfig {
  configuration: ExpressGatewayServiceConfiguration;
  taskDefinitionArn: string;
  /** The target group this revision's tasks are registered in (the pair alternates). */
  targetGroupArn: string;
}

export interface ExpressRecord {
  serviceArn: string;
  serviceName: string;
  clusterName: string;
  infrastructureRoleArn: string;
  status: ExpressGatewayServiceStatusCode;
  statusReason?: string;
  createdAt: number;
  updatedAt: number;
  /** Newest last; two while a canary runs. */
  configs: ExpressConfig[];
  endpoint: string;
  accessType: AccessType;
  vpcId: string;
  containerName: string;
  resources: {
    targetGroups: Made[];
    rule: Made;
    serviceSecurityGroup?: Made;
    logGroup?: Made & { name: string };
    scalableTarget: Made & { minCapacity: number; maxCapacity: number };
    policy: Made & { metric: string; targetValue: number };
  };
  canary?: { phase: "waiting" | "canary" | "shifted"; timer?: Timer; deploymentId: string };
}

/** An application load balancer Express services share in one VPC, with what hangs on it. */
export interface ExpressGateway {
  vpcId: string;
  loadBalancer: Made & { name: string; scheme: string; subnets: string[] };
  securityGroup: Made;
  httpsListener: Made;
  httpListener: Made;
  certificate: Made;
  /** Express services (by ARN) routed through it; the last one to go takes the load balancer with it. */
  services: Set<string>;
}

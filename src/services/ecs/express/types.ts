// What ECS keeps for an Express service beside the ECS service it is: the configurations it rolled
// out, the resources it made through the other services (each with the status ECS shows for it), and
// the load balancers Express services share.
import type { Timer } from "../../../engine/timeline.js";
import type { AccessType, ExpressGatewayServiceConfiguration, ManagedResourceStatus } from "../generated/types.js";

/** A resource Express made in another service, and where it stands as ECS shows it. */
export interface Made {
  arn: string;
  status: ManagedResourceStatus;
  /** Epoch seconds. */
  updatedAt: number;
}

/** One configuration of the service: what its revision (a task definition) runs. */
export interface ExpressConfig {
  configuration: ExpressGatewayServiceConfiguration;
  taskDefinitionArn: string;
  /** The target group this configuration's tasks are registered in (the pair alternates). */
  targetGroupArn: string;
  /** The ECS deployment that rolled it out. */
  deploymentId: string;
}

/** Where an update stands: its tasks starting, a canary share of the traffic, then all of it. */
export interface Rollout {
  phase: "starting" | "canary" | "shifted";
  timer?: Timer;
}

export interface ExpressRecord {
  serviceArn: string;
  serviceName: string;
  clusterName: string;
  infrastructureRoleArn: string;
  createdAt: number;
  updatedAt: number;
  /** Oldest first; two while an update rolls out, the last the newest. */
  configs: ExpressConfig[];
  /** https://<host>, the host being the rule's host header and the certificate's domain. */
  endpoint: string;
  accessType: AccessType;
  /** The shared load balancer's key (VPC and scheme). */
  gateway: string;
  /** The gateway as it was when this service left it (gone with its last service). */
  gatewaySnapshot?: ExpressGateway;
  containerName: string;
  targetGroups: (Made & { port: number; healthCheckPath: string })[];
  rule: Made & { priority: number };
  /** The ACM certificate of the endpoint's domain (ACM is not served here: ECS's record of it). */
  certificate: Made & { domainName: string };
  /** Created by ECS when the request named no security groups. */
  serviceSecurityGroup?: Made;
  logGroup?: Made & { name: string };
  scalableTarget: Made & { minCapacity: number; maxCapacity: number };
  policy: Made & { metric: string; targetValue: number; policyName: string };
  rollout?: Rollout;
  /** DeleteExpressGatewayService was called: DRAINING, then everything it made goes. */
  deleting?: boolean;
}

/** An application load balancer Express services share in one VPC, with what hangs on it. */
export interface ExpressGateway {
  key: string;
  vpcId: string;
  scheme: "internet-facing" | "internal";
  loadBalancer: Made & { name: string; subnets: string[] };
  securityGroup: Made;
  listener: Made;
  /** Express services (by ARN) routed through it; the last to go takes it along. */
  services: string[];
  /** Rule priorities in use on its listener. */
  priorities: number[];
}

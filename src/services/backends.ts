// Each service's backend, for the services that act on another's state (EC2 instances join ECS
// clusters, ECS registers tasks in ELBv2 target groups, Auto Scaling launches through EC2), and the
// in-process client that runs another service's operations. Filled in by the registry before any request.
import type { EcsBackend } from "./ecs/context.js";
import type { Ec2Backend } from "./ec2/context.js";
import type { Elbv2Backend } from "./elbv2/context.js";
import type { LogsBackend } from "./logs/context.js";
import type { StsBackend } from "./sts/context.js";
import type { IamBackend } from "./iam/context.js";
import type { SsmBackend } from "./ssm/context.js";
import type { SecretsManagerBackend } from "./secretsmanager/context.js";
import type { AutoScalingBackend } from "./autoscaling/context.js";
import type { ApplicationAutoScalingBackend } from "./application-autoscaling/context.js";
import type { CloudFormationBackend } from "./cloudformation/context.js";
import type { ServiceDiscoveryBackend } from "./servicediscovery/context.js";
import type { S3Backend } from "./s3/context.js";
import type { EcrBackend } from "./ecr/context.js";
import type { InProcessClient } from "./inProcess.js";

export interface Backends {
  ecs: EcsBackend;
  ec2: Ec2Backend;
  elbv2: Elbv2Backend;
  logs: LogsBackend;
  sts: StsBackend;
  iam: IamBackend;
  ssm: SsmBackend;
  secretsmanager: SecretsManagerBackend;
  autoscaling: AutoScalingBackend;
  applicationAutoScaling: ApplicationAutoScalingBackend;
  cloudformation: CloudFormationBackend;
  servicediscovery: ServiceDiscoveryBackend;
  s3: S3Backend;
  ecr: EcrBackend;
  /** Another service's operations, run as a request would run them (src/services/inProcess.ts). */
  client: InProcessClient;
}

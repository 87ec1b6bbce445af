// Each service's backend, for the services that act on another's state: EC2 instances join ECS
// clusters, ECS registers tasks in ELBv2 target groups. Filled in by the registry before any request.
import type { EcsBackend } from "./ecs/context.js";
import type { Ec2Backend } from "./ec2/context.js";
import type { Elbv2Backend } from "./elbv2/context.js";
import type { LogsBackend } from "./logs/context.js";

export interface Backends {
  ecs: EcsBackend;
  ec2: Ec2Backend;
  elbv2: Elbv2Backend;
  logs: LogsBackend;
}

// Where a stack's resource is shown in this console, from its type and physical id (what Ref
// answers for it, as CloudFormation's resource reference documents): clusters, services, task
// definitions, roles, parameters, secrets, nested stacks, a service's scalable target. Types the
// console has no page for get no link.
import { parseArn } from "./references.js";
import { href } from "./router.js";

type Linker = (physicalId: string) => string | undefined;

/** `arn:…:service/<cluster>/<service>`; the old format without the cluster cannot be placed. */
const service: Linker = (id) => {
  const parts = parseArn(id)?.resource.split("/") ?? [];
  return parts[0] === "service" && parts.length === 3 ? href.service(parts[1], parts[2]) : undefined;
};

const taskDefinition: Linker = (id) => {
  const m = /task-definition\/([^:]+):(\d+)$/.exec(id);
  return m ? href.family(m[1], Number(m[2])) : undefined;
};

/** `service/<cluster>/<service>|ecs:service:DesiredCount|ecs`: the service whose count it scales. */
const scalableTarget: Linker = (id) => {
  const [resource, , namespace] = id.split("|");
  const parts = resource.split("/");
  return namespace === "ecs" && parts[0] === "service" && parts.length === 3 ? href.service(parts[1], parts[2]) : undefined;
};

const LINKERS: Record<string, Linker> = {
  "AWS::ECS::Cluster": (id) => href.cluster(id),
  "AWS::ECS::Service": service,
  "AWS::ECS::TaskDefinition": taskDefinition,
  "AWS::IAM::Role": (id) => href.role(id),
  "AWS::SSM::Parameter": (id) => href.parameter(id),
  "AWS::SecretsManager::Secret": (id) => href.secret(id),
  "AWS::CloudFormation::Stack": (id) => href.stack(id),
  "AWS::ApplicationAutoScaling::ScalableTarget": scalableTarget,
};

export function resourceHref(type: string | undefined, physicalId: string | undefined): string | undefined {
  if (!type || !physicalId) return undefined;
  return LINKERS[type]?.(physicalId);
}

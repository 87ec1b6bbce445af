// The container-instance attributes ECS says a task definition requires, derived from the
// features it uses. Placement on EC2 matches them against the instances' attributes.
import type { Attribute, ContainerDefinition, RegisterTaskDefinitionRequest } from "../generated/types.js";

const DOCKER_API = "com.amazonaws.ecs.capability.docker-remote-api.";
const ECR_IMAGE = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

/**
 * Each rule names an attribute and when it applies. The list's order is the order ECS
 * was seen answering them in (logging first, task ENI near the end).
 */
const RULES: Array<[string, (td: RegisterTaskDefinitionRequest, cs: ContainerDefinition[]) => boolean]> = [
  ["ecs.capability.execution-role-awslogs", (td, cs) => !!td.executionRoleArn && cs.some((c) => c.logConfiguration?.logDriver === "awslogs")],
  ["ecs.capability.efsAuth", (td) => (td.volumes ?? []).some((v) => v.efsVolumeConfiguration?.authorizationConfig?.iam === "ENABLED" || !!v.efsVolumeConfiguration?.authorizationConfig?.accessPointId)],
  ["com.amazonaws.ecs.capability.ecr-auth", (_, cs) => cs.some((c) => ECR_IMAGE.test(c.image ?? ""))],
  [`${DOCKER_API}1.19`, (_, cs) => cs.some((c) => c.logConfiguration !== undefined)],
  ["ecs.capability.efs", (td) => (td.volumes ?? []).some((v) => v.efsVolumeConfiguration !== undefined)],
  [`${DOCKER_API}1.21`, (_, cs) => cs.some((c) => c.memoryReservation !== undefined)],
  ["com.amazonaws.ecs.capability.task-iam-role", (td) => !!td.taskRoleArn],
  [`${DOCKER_API}1.25`, (_, cs) => cs.some((c) => c.linuxParameters?.initProcessEnabled !== undefined)],
  ["ecs.capability.container-health-check", (_, cs) => cs.some((c) => c.healthCheck !== undefined)],
  ["ecs.capability.container-ordering", (_, cs) => cs.some((c) => (c.dependsOn?.length ?? 0) > 0)],
  ["ecs.capability.secrets.ssm.environment-variables", (_, cs) => cs.some((c) => (c.secrets ?? []).some((s) => !s.valueFrom.includes(":secretsmanager:")))],
  ["ecs.capability.secrets.asm.environment-variables", (_, cs) => cs.some((c) => (c.secrets ?? []).some((s) => s.valueFrom.includes(":secretsmanager:")))],
  ["com.amazonaws.ecs.capability.private-registry-authentication.secretsmanager", (_, cs) => cs.some((c) => c.repositoryCredentials !== undefined)],
  ["ecs.capability.env-files.s3", (_, cs) => cs.some((c) => (c.environmentFiles?.length ?? 0) > 0)],
  ["ecs.capability.execution-role-ecr-pull", (td, cs) => !!td.executionRoleArn && cs.some((c) => ECR_IMAGE.test(c.image ?? ""))],
  [`${DOCKER_API}1.18`, (td, cs) => td.networkMode === "awsvpc" || cs.some((c) => c.dockerLabels !== undefined)],
  ["ecs.capability.task-eni", (td) => td.networkMode === "awsvpc"],
  [`${DOCKER_API}1.29`, (_, cs) => cs.some((c) => c.healthCheck?.startPeriod !== undefined)],
];

export function requiredAttributes(td: RegisterTaskDefinitionRequest): Attribute[] {
  const cs = td.containerDefinitions;
  const names: string[] = [];
  // Logging drivers lead, one attribute per driver used.
  for (const c of cs) {
    const driver = c.logConfiguration?.logDriver;
    if (driver) names.push(`com.amazonaws.ecs.capability.logging-driver.${driver}`);
    const firelens = c.firelensConfiguration?.type;
    if (firelens) names.push(`ecs.capability.firelens.${firelens}`);
  }
  for (const [name, applies] of RULES) if (applies(td, cs)) names.push(name);
  return [...new Set(names)].map((name) => ({ name }));
}

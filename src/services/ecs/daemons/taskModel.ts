// A daemon task definition seen as the task definition its tasks run: the same containers, sizes,
// roles and volumes, named by the daemon task definition's ARN. Made once per revision, so that its
// tasks share what never changes (as tasks of one task definition do).
import type { ContainerDefinition, DaemonTaskDefinition, TaskDefinition } from "../generated/types.js";

const made = new WeakMap<DaemonTaskDefinition, TaskDefinition>();

/** A container without a name is known by its image's repository (chosen: ECS names none). */
export function containerName(image: string, i: number): string {
  const repo = image.split("@")[0].split(":")[0].split("/").pop() ?? "";
  return repo.replace(/[^a-zA-Z0-9_-]/g, "-") || `container-${i + 1}`;
}

export function asTaskDefinition(dtd: DaemonTaskDefinition): TaskDefinition {
  let td = made.get(dtd);
  if (td) return td;
  const containers: ContainerDefinition[] = (dtd.containerDefinitions ?? []).map((c, i) => ({ ...c, name: c.name ?? containerName(c.image, i) }) as ContainerDefinition);
  td = {
    taskDefinitionArn: dtd.daemonTaskDefinitionArn,
    family: dtd.family,
    revision: dtd.revision,
    containerDefinitions: containers,
    ...(dtd.taskRoleArn ? { taskRoleArn: dtd.taskRoleArn } : {}),
    ...(dtd.executionRoleArn ? { executionRoleArn: dtd.executionRoleArn } : {}),
    ...(dtd.cpu ? { cpu: dtd.cpu } : {}),
    ...(dtd.memory ? { memory: dtd.memory } : {}),
    volumes: (dtd.volumes ?? []).map((v) => ({ ...v })),
    status: "ACTIVE",
    compatibilities: ["MANAGED_INSTANCES"],
  };
  made.set(dtd, td);
  return td;
}

// What ECS offers the task endpoints (src/dataplane/): a task found by its id, with the cluster, task
// definition and instance it runs with, and the credentials of its roles as its containers ask for
// them. Reads only: the endpoints never change ECS's state.
import type { EcsBackend } from "../context.js";
import type { ContainerInstance, Task, TaskDefinition } from "../generated/types.js";
import { findRevision, parseTaskDefinitionRef } from "./taskDefinitions.js";
import type { EcsState, TaskCredentials } from "../store.js";

export interface TaskView {
  accountId: string;
  region: string;
  clusterName: string;
  clusterArn: string;
  task: Task;
  td: TaskDefinition;
  instance?: ContainerInstance;
  /** The service that started the task, when one did. */
  serviceName?: string;
  /** The task's role credentials (ids, roles, sessions), when it runs with roles. */
  credentials?: TaskCredentials;
}

export interface RoleSessionView {
  roleArn: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch milliseconds. */
  expiration: number;
  /** The task's AWS_CONTAINER_AUTHORIZATION_TOKEN. */
  token: string;
  taskArn: string;
}

export interface TaskEndpointsPort {
  /** A task by its id (the 32-hex tail of its ARN), in whatever account, region and cluster. */
  task(taskId: string): TaskView | undefined;
  /** The credentials a container gets at `/v2/credentials/<id>` now: the role's current session. */
  credentials(id: string): RoleSessionView | undefined;
}

function view(state: EcsState, clusterName: string, clusterArn: string, task: Task, instance: ContainerInstance | undefined): TaskView | undefined {
  const ref = parseTaskDefinitionRef(state, task.taskDefinitionArn!);
  const td = ref?.revision ? findRevision(state, ref.family, ref.revision) : undefined;
  if (!td) return undefined;
  const service = task.group?.startsWith("service:") ? task.group.slice("service:".length) : undefined;
  const credentials = state.taskCredentials.get(task.taskArn!);
  return { accountId: state.accountId, region: state.region, clusterName, clusterArn, task, td, ...(instance ? { instance } : {}), ...(service ? { serviceName: service } : {}), ...(credentials ? { credentials } : {}) };
}

export function taskEndpointsPort(backend: EcsBackend): TaskEndpointsPort {
  return {
    task(taskId) {
      for (const state of backend.states.all()) {
        for (const rec of state.clusters.values()) {
          const task = rec.tasks.get(taskId);
          if (!task) continue;
          const instance = task.containerInstanceArn ? rec.instances.get(task.containerInstanceArn.split("/").pop()!) : undefined;
          return view(state, rec.cluster.clusterName!, rec.cluster.clusterArn!, task, instance);
        }
      }
      return undefined;
    },
    credentials(id) {
      for (const state of backend.states.all()) {
        for (const [taskArn, held] of state.taskCredentials) {
          const role = held.task?.id === id ? held.task : held.execution?.id === id ? held.execution : undefined;
          if (!role) continue;
          const session = backend.peers.sts.session(role.accessKeyId);
          if (!session) return undefined;
          return { roleArn: role.roleArn, accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken: session.sessionToken, expiration: session.expiration, token: held.token, taskArn };
        }
      }
      return undefined;
    },
  };
}

/** The task's roles (its overrides', else its definition's) and, while it runs, each one's current session. */
export function taskRolesOf(v: TaskView): { kind: "task" | "execution"; roleArn: string; accessKeyId?: string }[] {
  const out: { kind: "task" | "execution"; roleArn: string; accessKeyId?: string }[] = [];
  const o = v.task.overrides;
  const task = o?.taskRoleArn ?? v.td.taskRoleArn;
  const execution = o?.executionRoleArn ?? v.td.executionRoleArn;
  if (task) out.push({ kind: "task", roleArn: task, ...(v.credentials?.task ? { accessKeyId: v.credentials.task.accessKeyId } : {}) });
  if (execution) out.push({ kind: "execution", roleArn: execution, ...(v.credentials?.execution ? { accessKeyId: v.credentials.execution.accessKeyId } : {}) });
  return out;
}

// Reading what a page shows, through the API's List and Describe operations, in the batch sizes
// each Describe accepts.
import type { Cluster, ContainerInstance, DesiredStatus, LaunchType, Service, Task } from "../../services/ecs/generated/types.js";
import { chunks, type Ecs } from "./api.js";

export async function clusters(ecs: Ecs): Promise<Cluster[]> {
  const arns = await ecs.all("ListClusters", {}, "clusterArns");
  const out: Cluster[] = [];
  for (const group of chunks(arns, 100)) out.push(...((await ecs.call("DescribeClusters", { clusters: group })).clusters ?? []));
  return out.sort((a, b) => (a.clusterName ?? "").localeCompare(b.clusterName ?? ""));
}

export async function cluster(ecs: Ecs, name: string): Promise<Cluster | undefined> {
  const r = await ecs.call("DescribeClusters", { clusters: [name], include: ["STATISTICS"] });
  return r.clusters?.[0];
}

export async function services(ecs: Ecs, cluster: string): Promise<Service[]> {
  const arns = await ecs.all("ListServices", { cluster }, "serviceArns");
  const out: Service[] = [];
  for (const group of chunks(arns, 10)) out.push(...((await ecs.call("DescribeServices", { cluster, services: group })).services ?? []));
  return out.sort((a, b) => (a.serviceName ?? "").localeCompare(b.serviceName ?? ""));
}

export interface TaskFilter {
  /** ALL lists RUNNING and STOPPED together; the API lists one desired status at a time. */
  desiredStatus: DesiredStatus | "ALL";
  launchType?: LaunchType;
  serviceName?: string;
  containerInstance?: string;
}

export async function tasks(ecs: Ecs, cluster: string, filter: TaskFilter = { desiredStatus: "RUNNING" }): Promise<Task[]> {
  const statuses: DesiredStatus[] = filter.desiredStatus === "ALL" ? ["RUNNING", "STOPPED"] : [filter.desiredStatus];
  const arns: string[] = [];
  for (const desiredStatus of statuses) {
    arns.push(...(await ecs.all("ListTasks", { cluster, desiredStatus, launchType: filter.launchType, serviceName: filter.serviceName, containerInstance: filter.containerInstance }, "taskArns")));
  }
  const out: Task[] = [];
  for (const group of chunks(arns, 100)) out.push(...((await ecs.call("DescribeTasks", { cluster, tasks: group })).tasks ?? []));
  // Newest first, as the console lists them.
  return out.sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0) || (a.taskArn ?? "").localeCompare(b.taskArn ?? ""));
}

export async function instances(ecs: Ecs, cluster: string): Promise<ContainerInstance[]> {
  const arns = await ecs.all("ListContainerInstances", { cluster }, "containerInstanceArns");
  const out: ContainerInstance[] = [];
  for (const group of chunks(arns, 100)) out.push(...((await ecs.call("DescribeContainerInstances", { cluster, containerInstances: group })).containerInstances ?? []));
  return out.sort((a, b) => (a.registeredAt ?? 0) - (b.registeredAt ?? 0));
}

/** Active task definitions as family:revision, newest revision first, for the pickers in forms. */
export async function taskDefinitionChoices(ecs: Ecs): Promise<string[]> {
  const arns = await ecs.all("ListTaskDefinitions", { status: "ACTIVE", sort: "DESC" }, "taskDefinitionArns");
  return arns.map((a) => a.split("/").pop()!);
}

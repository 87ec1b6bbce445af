// The ECS part of bench/answers.ts: a service chain as the bench makes it (and reads of the deleted
// service and its stopped task), RunTask of one and of ten tasks on EC2, a Fargate task with its
// interface, and every read of them before and after they stop.
import { defaultSubnetId } from "../src/services/ec2/domain/network.js";

export type EcsCall = (operation: string, input: object) => Promise<string>;

const FAMILY = "wire-app";
const CLUSTER = "wire-ecs";
const CONTAINER = { name: "app", image: "public.ecr.aws/docker/library/busybox:latest", memory: 6, essential: true };
const RESOURCES = [
  { name: "CPU", type: "INTEGER", integerValue: 4096 },
  { name: "MEMORY", type: "INTEGER", integerValue: 7482 },
];

const arnsOf = (text: string, key: string): string[] => [...text.matchAll(new RegExp(`"${key}":"([^"]+)"`, "g"))].map((m) => m[1]);

export async function ecsAnswers(call: EcsCall, advance: (ms: number) => void): Promise<void> {
  await call("CreateCluster", { clusterName: CLUSTER });
  await call("RegisterTaskDefinition", { family: FAMILY, containerDefinitions: [CONTAINER] });
  await call("RegisterTaskDefinition", { family: "wire-fg", requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512", containerDefinitions: [{ ...CONTAINER, portMappings: [{ containerPort: 80 }] }] });
  for (let i = 0; i < 4; i++) {
    const doc = JSON.stringify({ instanceId: `i-${(0x200000 + i).toString(16).padStart(17, "0")}`, instanceType: "m5.large", region: "us-east-1", availabilityZone: `us-east-1${"ab"[i % 2]}`, accountId: "000000000000", imageId: "ami-0123456789abcdef0" });
    await call("RegisterContainerInstance", { cluster: CLUSTER, instanceIdentityDocument: doc, totalResources: RESOURCES });
  }
  // The bench's chain, twice (the second with tags), then what reads of the deleted services answer.
  for (const name of ["wire-svc-a", "wire-svc-b"]) {
    const tags = name.endsWith("b") ? { tags: [{ key: "team", value: "x" }], enableECSManagedTags: true, propagateTags: "SERVICE" } : {};
    await call("CreateService", { serviceName: name, cluster: CLUSTER, taskDefinition: FAMILY, desiredCount: 1, launchType: "EC2", ...tags });
    await call("DescribeServices", { services: [name], cluster: CLUSTER, include: ["TAGS"] });
    advance(1_000);
    await call("UpdateService", { service: name, cluster: CLUSTER, desiredCount: 0 });
    await call("DeleteService", { service: name, cluster: CLUSTER });
  }
  advance(60_000);
  const services = await call("DescribeServices", { services: ["wire-svc-a", "wire-svc-b"], cluster: CLUSTER, include: ["TAGS"] });
  await call("ListServices", { cluster: CLUSTER });
  const serviceArn = arnsOf(services, "serviceArn")[0];
  const deployments = await call("ListServiceDeployments", { service: serviceArn, cluster: CLUSTER });
  await call("DescribeServiceDeployments", { serviceDeploymentArns: arnsOf(deployments, "serviceDeploymentArn") });
  await call("DescribeServiceRevisions", { serviceRevisionArns: arnsOf(services, "serviceRevisionArn").slice(0, 1).concat(arnsOf(deployments, "targetServiceRevisionArn")).slice(0, 2) });
  const stopped = await call("ListTasks", { cluster: CLUSTER, desiredStatus: "STOPPED" });
  await call("DescribeTasks", { cluster: CLUSTER, tasks: (JSON.parse(stopped.slice(4)) as { taskArns: string[] }).taskArns, include: ["TAGS"] });

  // RunTask of one and of ten, read, one stopped, read again; then a Fargate task with its interface.
  const one = await call("RunTask", { cluster: CLUSTER, taskDefinition: FAMILY, count: 1, clientToken: "wire-1", startedBy: "wire" });
  const ten = await call("RunTask", { cluster: CLUSTER, taskDefinition: FAMILY, count: 10, clientToken: "wire-10", tags: [{ key: "k", value: "v" }] });
  await call("RunTask", { cluster: CLUSTER, taskDefinition: FAMILY, count: 1, clientToken: "wire-1", startedBy: "wire" });
  advance(1_000);
  const tasks = [...arnsOf(one, "taskArn").slice(0, 1), ...new Set(arnsOf(ten, "taskArn"))];
  await call("DescribeTasks", { cluster: CLUSTER, tasks, include: ["TAGS"] });
  await call("StopTask", { cluster: CLUSTER, task: tasks[0], reason: "wire" });
  await call("StopTask", { cluster: CLUSTER, task: tasks[1] });
  advance(60_000);
  await call("DescribeTasks", { cluster: CLUSTER, tasks });
  await call("ListTasks", { cluster: CLUSTER });
  await call("ListTasks", { cluster: CLUSTER, desiredStatus: "STOPPED" });
  const instances = await call("ListContainerInstances", { cluster: CLUSTER });
  await call("DescribeContainerInstances", { cluster: CLUSTER, containerInstances: (JSON.parse(instances.slice(4)) as { containerInstanceArns: string[] }).containerInstanceArns });
  await call("DescribeClusters", { clusters: [CLUSTER], include: ["STATISTICS"] });
  const subnet = defaultSubnetId("000000000000", "us-east-1", "us-east-1c");
  const fg = await call("RunTask", { cluster: CLUSTER, taskDefinition: "wire-fg", launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets: [subnet], assignPublicIp: "ENABLED" } } });
  advance(1_000);
  const fgArn = arnsOf(fg, "taskArn")[0];
  await call("DescribeTasks", { cluster: CLUSTER, tasks: [fgArn] });
  await call("StopTask", { cluster: CLUSTER, task: fgArn });
  advance(60_000);
  await call("DescribeTasks", { cluster: CLUSTER, tasks: [fgArn] });
  advance(3_600_000);
  await call("DescribeServices", { services: ["wire-svc-a"], cluster: CLUSTER });
  await call("DescribeTasks", { cluster: CLUSTER, tasks });
}

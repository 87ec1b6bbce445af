// The task metadata endpoint's documents (versions 3 and 4), built from the task as ECS holds it and
// the containers as the engine knows them, in the shapes of the Developer Guide's "Task metadata
// endpoint version 4" (EC2 and Fargate) and "version 3" pages. Pure: the caller gathers the facts.
import { createHash } from "node:crypto";
import type { ContainerFacts } from "../runtime/runtime.js";
import type { Container, ContainerDefinition } from "../services/ecs/generated/types.js";
import type { TaskView } from "../services/ecs/domain/taskEndpoints.js";

export type MetadataVersion = 3 | 4;

/** What the endpoint knows beyond the task: the engine's view of its containers and the network around it. */
export interface MetadataFacts {
  containers: Map<string, ContainerFacts>;
  /** The awsvpc subnet's CIDR block, from EC2. */
  subnetCidr?: string;
  /** The VPC of an EC2 task's instance, from EC2. */
  vpcId?: string;
  /** The server's clock, epoch milliseconds. */
  now: number;
}

/**
 * A container's endpoint id: `<task id>-<10 digits>`, the form Fargate's endpoints and container ids
 * take, derived from the task and the container so that it holds across restarts without being stored.
 */
export function endpointId(taskArn: string, container: string): string {
  const digest = createHash("sha256").update(`${taskArn}/${container}`).digest();
  const digits = (digest.readBigUInt64BE(0) % 10_000_000_000n).toString().padStart(10, "0");
  return `${taskArn.split("/").pop()}-${digits}`;
}

const iso = (seconds: number | undefined): string | undefined => (seconds === undefined ? undefined : new Date(Math.round(seconds * 1000)).toISOString());
const put = <T extends object>(o: T, key: string, value: unknown): T => (value === undefined ? o : Object.assign(o, { [key]: value }));

function definitionOf(v: TaskView, name: string): ContainerDefinition {
  return v.td.containerDefinitions?.find((d) => d.name === name) ?? { name };
}

export function labelsOf(v: TaskView, def: ContainerDefinition): Record<string, string> {
  return {
    ...def.dockerLabels,
    "com.amazonaws.ecs.cluster": v.clusterName,
    "com.amazonaws.ecs.container-name": def.name!,
    "com.amazonaws.ecs.task-arn": v.task.taskArn!,
    "com.amazonaws.ecs.task-definition-family": v.td.family!,
    "com.amazonaws.ecs.task-definition-version": String(v.td.revision),
  };
}

/** The awslogs options as the agent hands them to Docker: the stream is named, the prefix is not passed on. */
function logOptions(v: TaskView, def: ContainerDefinition): Record<string, string> | undefined {
  const lc = def.logConfiguration;
  if (!lc?.options) return undefined;
  if (lc.logDriver !== "awslogs") return { ...lc.options };
  const { "awslogs-stream-prefix": prefix, ...rest } = lc.options;
  return prefix ? { ...rest, "awslogs-stream": `${prefix}/${def.name}/${v.task.taskArn!.split("/").pop()}` } : rest;
}

function gatewayOf(cidr: string): string {
  const [base, bits] = cidr.split("/");
  const n = base.split(".").reduce((a, o) => a * 256 + Number(o), 0) + 1;
  return `${[24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".")}/${bits}`;
}

function networks(v: TaskView, version: MetadataVersion, facts: ContainerFacts | undefined, f: MetadataFacts): object[] | undefined {
  const mode = v.td.networkMode ?? (v.task.launchType === "FARGATE" ? "awsvpc" : "bridge");
  if (mode === "awsvpc") {
    const eni = v.task.attachments?.find((a) => a.type === "ElasticNetworkInterface");
    const detail = (name: string): string | undefined => eni?.details?.find((d) => d.name === name)?.value;
    const ip = detail("privateIPv4Address");
    if (!ip) return undefined;
    const net = { NetworkMode: "awsvpc", IPv4Addresses: [ip] };
    if (version === 3) return [net];
    put(net, "AttachmentIndex", 0);
    put(net, "MACAddress", detail("macAddress"));
    put(net, "IPv4SubnetCIDRBlock", f.subnetCidr);
    put(net, "PrivateDNSName", detail("privateDnsName"));
    put(net, "SubnetGatewayIpv4Address", f.subnetCidr ? gatewayOf(f.subnetCidr) : undefined);
    return [net];
  }
  if (mode === "bridge") return facts?.ipv4Address ? [{ NetworkMode: "bridge", IPv4Addresses: [facts.ipv4Address] }] : undefined;
  if (mode === "host") return [{ NetworkMode: "host" }];
  return undefined;
}

export function containerDocument(v: TaskView, c: Container, version: MetadataVersion, f: MetadataFacts): Record<string, unknown> {
  const def = definitionOf(v, c.name!);
  const facts = f.containers.get(c.name!);
  const doc: Record<string, unknown> = {
    DockerId: facts?.dockerId ?? c.runtimeId ?? "",
    Name: c.name,
    DockerName: facts?.dockerName ?? "",
    Image: c.image ?? def.image,
    ImageID: facts?.imageId ?? c.imageDigest ?? "",
  };
  const ports = (c.networkBindings ?? []).map((b) => ({ ContainerPort: b.containerPort, Protocol: b.protocol ?? "tcp", HostPort: b.hostPort, HostIp: b.bindIP ?? "0.0.0.0" }));
  if (ports.length) doc.Ports = ports;
  doc.Labels = labelsOf(v, def);
  doc.DesiredStatus = v.task.desiredStatus === "STOPPED" ? "STOPPED" : "RUNNING";
  doc.KnownStatus = c.lastStatus;
  put(doc, "ExitCode", c.exitCode);
  doc.Limits = { CPU: def.cpu ?? 0, Memory: def.memory ?? 0 };
  put(doc, "CreatedAt", facts?.createdAt);
  put(doc, "StartedAt", facts?.startedAt);
  put(doc, "FinishedAt", facts?.finishedAt);
  doc.Type = "NORMAL";
  if (version === 4) {
    put(doc, "LogDriver", def.logConfiguration?.logDriver);
    put(doc, "LogOptions", logOptions(v, def));
    put(doc, "ContainerARN", c.containerArn);
  }
  put(doc, "Networks", networks(v, version, facts, f));
  return doc;
}

export function taskDocument(v: TaskView, version: MetadataVersion, f: MetadataFacts): Record<string, unknown> {
  const { task } = v;
  const fargate = task.launchType === "FARGATE";
  const doc: Record<string, unknown> = { Cluster: fargate ? v.clusterArn : v.clusterName };
  if (version === 4) {
    put(doc, "ServiceName", v.serviceName);
    if (!fargate) put(doc, "VPCID", f.vpcId);
  }
  Object.assign(doc, { TaskARN: task.taskArn, Family: v.td.family, Revision: String(v.td.revision), DesiredStatus: task.desiredStatus, KnownStatus: task.lastStatus });
  if (task.cpu !== undefined || task.memory !== undefined) {
    doc.Limits = put(put({}, "CPU", task.cpu !== undefined ? Number(task.cpu) / 1024 : undefined), "Memory", task.memory !== undefined ? Number(task.memory) : undefined);
  }
  put(doc, "PullStartedAt", iso(task.pullStartedAt));
  put(doc, "PullStoppedAt", iso(task.pullStoppedAt));
  put(doc, "ExecutionStoppedAt", iso(task.executionStoppedAt));
  put(doc, "AvailabilityZone", task.availabilityZone);
  if (version === 4) put(doc, "LaunchType", task.launchType);
  doc.Containers = (task.containers ?? []).map((c) => containerDocument(v, c, version, f));
  if (version === 4) {
    // The host's clock is the reference here: it cannot drift from itself.
    doc.ClockDrift = { ClockErrorBound: 0, ReferenceTimestamp: new Date(Math.floor(f.now / 1000) * 1000).toISOString().replace(".000Z", "Z"), ClockSynchronizationStatus: "SYNCHRONIZED" };
    if (fargate) {
      const used = [...f.containers.values()].reduce((a, x) => a + (x.sizeRw ?? 0), 0);
      doc.EphemeralStorageMetrics = { Utilized: Math.round(used / (1024 * 1024)), Reserved: (task.ephemeralStorage?.sizeInGiB ?? 20) * 1024 };
    }
  }
  return doc;
}

// Attributes of container instances: those ECS sets at registration, and checks on custom ones.
import { AttributeLimitExceededException, InvalidParameterException } from "../generated/errors.js";
import type { Attribute } from "../generated/types.js";

/** What the registration learned about the EC2 instance (from its identity document or invented). */
export interface HostFacts {
  availabilityZone: string;
  instanceType: string;
  imageId: string;
  architecture: string;
}

/** Capabilities an ECS-optimized Amazon Linux 2 agent of recent years advertises. */
const CAPABILITIES = [
  ...["17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "38", "39", "40", "41", "42", "43", "44"].map((v) => `com.amazonaws.ecs.capability.docker-remote-api.1.${v}`),
  ...["json-file", "syslog", "awslogs", "none", "fluentd", "gelf", "journald", "logentries", "splunk", "awsfirelens"].map((d) => `com.amazonaws.ecs.capability.logging-driver.${d}`),
  "com.amazonaws.ecs.capability.privileged-container",
  "com.amazonaws.ecs.capability.ecr-auth",
  "com.amazonaws.ecs.capability.task-iam-role",
  "com.amazonaws.ecs.capability.task-iam-role-network-host",
  "ecs.capability.execution-role-ecr-pull",
  "ecs.capability.execution-role-awslogs",
  "ecs.capability.task-eni",
  "ecs.capability.container-health-check",
  "ecs.capability.container-ordering",
  "ecs.capability.full-sync",
  "ecs.capability.task-cpu-mem-limit",
  "ecs.capability.increased-task-cpu-limit",
  "ecs.capability.docker-plugin.local",
  "ecs.capability.secrets.asm.environment-variables",
  "ecs.capability.secrets.asm.bootstrap.log-driver",
  "ecs.capability.secrets.ssm.environment-variables",
  "ecs.capability.secrets.ssm.bootstrap.log-driver",
  "ecs.capability.private-registry-authentication.secretsmanager",
  "ecs.capability.efs",
  "ecs.capability.efsAuth",
  "ecs.capability.firelens.fluentd",
  "ecs.capability.firelens.fluentbit",
  "ecs.capability.firelens.options.config.file",
  "ecs.capability.firelens.options.config.s3",
  "ecs.capability.logging-driver.awsfirelens.log-driver-buffer-limit",
  "ecs.capability.aws-appmesh",
  "ecs.capability.env-files.s3",
  "ecs.capability.pid-ipc-namespace-sharing",
  "ecs.capability.execute-command",
  "ecs.capability.service-connect-v1",
];

// Instances of one zone, type, image and architecture have the same list: one frozen list for them
// all (an instance's list is replaced, never changed in place, when its attributes change).
const BUILT_IN = new Map<string, readonly Attribute[]>();

/** The attributes ECS sets on a Linux EC2 container instance, built-ins first, then agent capabilities. */
export function builtInAttributes(host: HostFacts): Attribute[] {
  const key = `${host.availabilityZone}\n${host.instanceType}\n${host.imageId}\n${host.architecture}`;
  let list = BUILT_IN.get(key);
  if (!list) {
    const own = [
      { name: "ecs.availability-zone", value: host.availabilityZone },
      { name: "ecs.instance-type", value: host.instanceType },
      { name: "ecs.ami-id", value: host.imageId },
      { name: "ecs.os-type", value: "linux" },
      { name: "ecs.os-family", value: "LINUX" },
      { name: "ecs.cpu-architecture", value: host.architecture },
    ].map((a) => Object.freeze(a));
    list = Object.freeze([...own, ...CAPABILITY_ATTRIBUTES]);
    if (BUILT_IN.size >= 1000) BUILT_IN.clear();
    BUILT_IN.set(key, list);
  }
  return list as Attribute[];
}

// The same for every instance and never changed in place: shared rather than copied per instance.
const CAPABILITY_ATTRIBUTES: readonly Attribute[] = Object.freeze(CAPABILITIES.map((name) => Object.freeze({ name })));

/** The most custom attributes one resource may carry. */
export const MAX_CUSTOM_ATTRIBUTES = 10;

const NAME = /^[a-zA-Z0-9_./\\-]{1,128}$/;
const VALUE = /^[a-zA-Z0-9_.@/\\: -]{1,128}$/;

export function isBuiltIn(name: string): boolean {
  return name.startsWith("ecs.") || name.startsWith("com.amazonaws.ecs.");
}

/** Refuses names and values outside the character sets ECS allows for attributes. */
export function checkAttribute(a: Attribute): void {
  if (!NAME.test(a.name)) throw new InvalidParameterException(`Invalid attribute name: ${a.name}`);
  if (a.value !== undefined && (!VALUE.test(a.value) || a.value.startsWith(" ") || a.value.endsWith(" "))) {
    throw new InvalidParameterException(`Invalid attribute value: ${a.value}`);
  }
}

/** Attributes with `changes` merged in by name (the later value wins); only name and value are kept. */
export function mergeAttributes(current: Attribute[], changes: Attribute[]): Attribute[] {
  const byName = new Map(current.map((a) => [a.name, a]));
  for (const a of changes) byName.set(a.name, a.value === undefined ? { name: a.name } : { name: a.name, value: a.value });
  return [...byName.values()];
}

/** PutAttributes holds each resource to the custom-attribute limit. */
export function checkCustomLimit(attributes: Attribute[]): void {
  if (attributes.filter((a) => !isBuiltIn(a.name)).length > MAX_CUSTOM_ATTRIBUTES) {
    throw new AttributeLimitExceededException(`You can apply up to ${MAX_CUSTOM_ATTRIBUTES} custom attributes per resource.`);
  }
}

/** The most attributes one PutAttributes or DeleteAttributes call may carry. */
export const MAX_ATTRIBUTES_PER_CALL = 10;

/** Refuses an attribute list longer than one call may carry. */
export function checkCallSize(attributes: Attribute[]): void {
  if (attributes.length === 0) throw new InvalidParameterException("Attributes cannot be empty.");
  if (attributes.length > MAX_ATTRIBUTES_PER_CALL) throw new InvalidParameterException(`You can specify up to ${MAX_ATTRIBUTES_PER_CALL} attributes in a single call.`);
}

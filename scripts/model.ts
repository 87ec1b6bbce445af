// Reading botocore service models: the one source of shapes, operations and errors.
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join, resolve } from "node:path";

export interface ShapeRef {
  shape: string;
  /** Wire names: query/XML element (locationName), EC2 form name (queryName). */
  locationName?: string;
  queryName?: string;
  flattened?: boolean;
  /** On an operation's output: the query protocol's <OpResult> element. */
  resultWrapper?: string;
}

export interface Shape {
  type: string;
  members?: Record<string, ShapeRef>;
  required?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  exception?: boolean;
  fault?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  document?: boolean;
  flattened?: boolean;
  locationName?: string;
}

export interface Operation {
  name: string;
  input?: ShapeRef;
  output?: ShapeRef;
  errors?: ShapeRef[];
}

export interface ServiceModel {
  metadata: Record<string, string>;
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

/** The folder that holds the models: `ECS_LOCAL_MODELS`, else ../shared/aws-models beside the repo. */
export function defaultModelsDir(repoRoot: string): string {
  return resolve(process.env.ECS_LOCAL_MODELS ?? join(repoRoot, "..", "shared", "aws-models"));
}

export interface ServiceSource {
  /** Folder of the model under the models directory. */
  path: string;
  /**
   * The operations to generate schemas and types for, when not all: EC2's model has 765 operations
   * and 4,000 shapes, of which ecs-local serves a few. Every operation's name is still listed, so an
   * operation left out answers "not supported" rather than InvalidAction. Add a name here (and run
   * `npm run gen`) before implementing it.
   */
  operations?: readonly string[];
}

export const SERVICES: Record<"ecs" | "logs" | "sts" | "elbv2" | "ec2", ServiceSource> = {
  ecs: { path: "ecs/2014-11-13" },
  logs: { path: "logs/2014-03-28" },
  sts: { path: "sts/2011-06-15" },
  elbv2: { path: "elbv2/2015-12-01" },
  ec2: {
    path: "ec2/2016-11-15",
    operations: [
      "AuthorizeSecurityGroupIngress",
      "CreateSecurityGroup",
      "CreateSubnet",
      "CreateTags",
      "CreateVpc",
      "DeleteSecurityGroup",
      "DeleteSubnet",
      "DeleteTags",
      "DeleteVpc",
      "DescribeAvailabilityZones",
      "DescribeInstanceStatus",
      "DescribeInstanceTypes",
      "DescribeInstances",
      "DescribeNetworkInterfaces",
      "DescribeSecurityGroups",
      "DescribeSubnets",
      "DescribeTags",
      "DescribeVpcAttribute",
      "DescribeVpcs",
      "ModifyVpcAttribute",
      "RunInstances",
      "StartInstances",
      "StopInstances",
      "TerminateInstances",
    ],
  },
};

export type ServiceName = keyof typeof SERVICES;

export function modelPath(modelsDir: string, service: ServiceName): string {
  return join(modelsDir, SERVICES[service].path, "service-2.json");
}

/** The operations generated for a service: its list, else every operation of the model. */
export function generatedOperations(model: ServiceModel, service: ServiceName): string[] {
  const all = Object.keys(model.operations).sort();
  const only = SERVICES[service].operations;
  if (!only) return all;
  for (const op of only) if (!model.operations[op]) throw new Error(`${service} has no operation ${op}`);
  return [...only].sort();
}

/** The wire protocol of a model, as the generated tables need it. */
export function protocolOf(model: ServiceModel): "json" | "query" | "ec2" {
  const p = model.metadata.protocol;
  return p === "query" || p === "ec2" ? p : "json";
}

export function modelExists(modelsDir: string, service: ServiceName): boolean {
  const p = modelPath(modelsDir, service);
  return existsSync(p) || existsSync(p + ".gz");
}

export function loadModel(modelsDir: string, service: ServiceName): ServiceModel {
  const p = modelPath(modelsDir, service);
  const text = existsSync(p) ? readFileSync(p, "utf8") : gunzipSync(readFileSync(p + ".gz")).toString("utf8");
  return JSON.parse(text) as ServiceModel;
}

/** Every shape reachable from `root`, in a stable order. */
export function reachableShapes(model: ServiceModel, root: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const s = model.shapes[name];
    if (!s) throw new Error(`shape ${name} is not in the model`);
    for (const ref of Object.values(s.members ?? {})) visit(ref.shape);
    for (const ref of [s.member, s.key, s.value]) if (ref) visit(ref.shape);
  };
  visit(root);
  return [...seen].sort();
}

// Reading botocore service models: the one source of shapes, operations and errors.
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join, resolve } from "node:path";

export interface ShapeRef {
  shape: string;
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

export const SERVICES = {
  ecs: "ecs/2014-11-13",
  logs: "logs/2014-03-28",
} as const;

export type ServiceName = keyof typeof SERVICES;

export function modelPath(modelsDir: string, service: ServiceName): string {
  return join(modelsDir, SERVICES[service], "service-2.json");
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

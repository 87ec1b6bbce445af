// ECS ARNs in the long format: arn:aws:ecs:<region>:<account>:<type>/<rest>.
import { InvalidParameterException } from "../generated/errors.js";
import { flat } from "../../../state/ids.js";

export interface Scope {
  accountId: string;
  region: string;
}

export function ecsArn(scope: Scope, resource: string): string {
  return flat(`arn:aws:ecs:${scope.region}:${scope.accountId}:${resource}`);
}

export interface ParsedArn {
  region: string;
  accountId: string;
  /** "cluster", "task", "service", "container-instance", "task-definition", … */
  type: string;
  /** Everything after "<type>/". */
  path: string;
}

const ARN = /^arn:aws[a-z-]*:ecs:([^:]*):([^:]*):([a-z-]+)\/(.+)$/;

export function parseArn(arn: string): ParsedArn | undefined {
  const m = ARN.exec(arn);
  return m ? { region: m[1], accountId: m[2], type: m[3], path: m[4] } : undefined;
}

/** What follows an ARN's last slash (a task's or an instance's id): `split("/").pop()` without the array. */
export function lastSegment(arn: string): string {
  return arn.slice(arn.lastIndexOf("/") + 1);
}

export function isArn(ref: string): boolean {
  return ref.startsWith("arn:");
}

/**
 * The short name a reference (name or ARN) points at; an ARN of another resource type
 * is refused the way ECS refuses it.
 */
export function nameFromRef(ref: string, type: string): string {
  if (!isArn(ref)) return ref;
  const p = parseArn(ref);
  if (!p) throw new InvalidParameterException("Invalid identifier: Identifier is for an incorrect resource type.");
  if (p.type !== type) throw new InvalidParameterException(`Unsupported resource type: ${p.type}`);
  return p.path;
}

/** ECS's answer to an ARN that names a resource of another cluster than the one addressed. */
export function wrongCluster(named: string, addressed: string): InvalidParameterException {
  return new InvalidParameterException(`Invalid identifier: Identifier is for cluster ${named}. Your cluster is ${addressed}`);
}

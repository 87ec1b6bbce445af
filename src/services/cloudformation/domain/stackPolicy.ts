// Stack policies: which updates each resource allows. With a policy, a resource is protected unless a
// statement allows the action (Update:Modify, Update:Replace, Update:Delete); a Deny always wins.
import { validation } from "../template/errors.js";

export interface PolicyStatement {
  Effect: "Allow" | "Deny";
  Action?: string | string[];
  NotAction?: string | string[];
  Principal?: unknown;
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, { ResourceType?: string | string[] }>;
}

export type StackAction = "Update:Modify" | "Update:Replace" | "Update:Delete";

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const glob = (pattern: string, value: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(value);

/** A policy body checked as CloudFormation checks it: JSON with statements of known effects and actions. */
export function parsePolicy(body: string): PolicyStatement[] {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    throw validation("Error validating stack policy: Unknown error in stack policy. Stack policy must be valid JSON.");
  }
  const statements = (doc as { Statement?: unknown })?.Statement;
  if (doc && typeof doc === "object" && Object.keys(doc).length === 0) return [];
  if (!Array.isArray(statements) && (typeof statements !== "object" || statements === null)) throw validation("Error validating stack policy: Statement must be present.");
  const all = (Array.isArray(statements) ? statements : [statements]) as PolicyStatement[];
  for (const s of all) {
    if (s.Effect !== "Allow" && s.Effect !== "Deny") throw validation(`Error validating stack policy: Invalid effect: ${String(s.Effect)}`);
    if (s.Principal !== "*") throw validation("Error validating stack policy: Principal must be '*'");
    for (const a of [...list(s.Action), ...list(s.NotAction)]) if (!/^Update:(\*|Modify|Replace|Delete)$/.test(a)) throw validation(`Error validating stack policy: Invalid action: ${a}`);
  }
  return all;
}

function matches(s: PolicyStatement, action: StackAction, logicalId: string, type: string): boolean {
  const actionOk = s.Action !== undefined ? list(s.Action).some((a) => glob(a, action)) : !list(s.NotAction).some((a) => glob(a, action));
  const target = `LogicalResourceId/${logicalId}`;
  const resourceOk = s.Resource !== undefined ? list(s.Resource).some((r) => glob(r, target)) : !list(s.NotResource).some((r) => glob(r, target));
  const conditionOk = Object.entries(s.Condition ?? {}).every(([op, c]) => {
    const types = list(c.ResourceType);
    return op === "StringLike" ? types.some((t) => glob(t, type)) : op === "StringEquals" ? types.includes(type) : false;
  });
  return actionOk && resourceOk && conditionOk;
}

/** Undefined when the policy allows the action; otherwise the resource's failure reason. */
export function denied(policy: PolicyStatement[] | undefined, action: StackAction, logicalId: string, type: string): string | undefined {
  if (!policy) return undefined;
  const deny = policy.findIndex((s) => s.Effect === "Deny" && matches(s, action, logicalId, type));
  if (deny >= 0) return `Action denied by stack policy: Statement [#${deny + 1}] does not allow [${action}] for resource [LogicalResourceId/${logicalId}]`;
  if (policy.some((s) => s.Effect === "Allow" && matches(s, action, logicalId, type))) return undefined;
  return `Action not allowed by stack policy: No statement allows [${action}] for resource [LogicalResourceId/${logicalId}]`;
}

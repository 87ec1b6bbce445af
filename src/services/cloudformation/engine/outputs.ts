// A deployment's Outputs and the exports among them: unique names in the region, and an export
// another stack imports cannot change or go away.
import { validation } from "../template/errors.js";
import { evaluate } from "../template/intrinsics.js";
import type { StackRecord } from "../context.js";
import type { Env } from "./env.js";
import { stackScope } from "./scope.js";

type Outputs = StackRecord["outputs"];

const text = (v: unknown): string => (Array.isArray(v) ? v.map(String).join(",") : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v));

export function evaluateOutputs(env: Env, rec: StackRecord): Outputs {
  const d = rec.current;
  const scope = stackScope(env, rec, d);
  const out: Outputs = [];
  for (const [key, o] of Object.entries(d.template.Outputs ?? {})) {
    if (o.Condition !== undefined && d.conditions[o.Condition] !== true) continue;
    const value = text(evaluate(o.Value, scope));
    const exportName = o.Export ? text(evaluate(o.Export.Name, scope)) : undefined;
    out.push({ OutputKey: key, OutputValue: value, ...(o.Description !== undefined ? { Description: text(evaluate(o.Description, scope)) } : {}), ...(exportName !== undefined ? { ExportName: exportName } : {}) });
  }
  return out;
}

/** Stack names that import `name`, other than `except`. */
export function importers(env: Env, name: string, except?: string): string[] {
  return [...env.state.stacks.values()]
    .filter((s) => s.stack.StackStatus !== "DELETE_COMPLETE" && s.stack.StackId !== except && s.imports.includes(name))
    .map((s) => s.stack.StackName);
}

/** Throws when `next` would take or change an export another stack imports, or take a name another stack exports. */
export function checkExports(env: Env, rec: StackRecord, next: Outputs): void {
  const id = rec.stack.StackId!;
  for (const o of next) {
    if (o.ExportName === undefined) continue;
    const owner = env.state.exports.get(o.ExportName);
    if (owner && owner.stackId !== id) {
      throw validation(`Export with name ${o.ExportName} is already exported by stack ${env.state.stacks.get(owner.stackId)?.stack.StackName ?? owner.stackId}`);
    }
  }
  for (const o of rec.outputs) {
    if (o.ExportName === undefined) continue;
    const users = importers(env, o.ExportName, id);
    if (!users.length) continue;
    const now = next.find((n) => n.ExportName === o.ExportName);
    if (!now) throw validation(`Export ${o.ExportName} cannot be deleted as it is in use by ${users.join(", ")}`);
    if (now.OutputValue !== o.OutputValue) throw validation(`Export ${o.ExportName} cannot be updated as it is in use by ${users.join(", ")}`);
  }
}

/** Makes `next` the stack's outputs and its exports the region's. */
export function publishOutputs(env: Env, rec: StackRecord, next: Outputs): void {
  const id = rec.stack.StackId!;
  for (const [name, e] of env.state.exports) if (e.stackId === id) env.state.exports.delete(name);
  for (const o of next) if (o.ExportName !== undefined) env.state.exports.set(o.ExportName, { stackId: id, value: o.OutputValue });
  rec.outputs = next;
}

// What a piece of a template refers to: the names behind Ref, Fn::GetAtt and Fn::Sub, and DependsOn.
import { functionName, subVariables } from "./intrinsics.js";
import type { ResourceDeclaration } from "./types.js";

export interface Reference {
  name: string;
  /** Set for Fn::GetAtt (and `${Res.Attr}` in Fn::Sub). */
  attribute?: string;
}

/**
 * Every reference in `value`. With `condition`, the branch of a Fn::If that is not taken is skipped:
 * what it names is not needed (the graph of a deployment); without, every branch counts (validation).
 */
export function referencesIn(value: unknown, condition?: (name: string) => boolean, out: Reference[] = []): Reference[] {
  if (Array.isArray(value)) {
    for (const v of value) referencesIn(v, condition, out);
    return out;
  }
  if (typeof value !== "object" || value === null) return out;
  const fn = functionName(value);
  const arg = fn ? (value as Record<string, unknown>)[fn] : undefined;
  if (fn === "Ref" && typeof arg === "string") out.push({ name: arg });
  else if (fn === "Fn::GetAtt") {
    const parts = typeof arg === "string" ? [arg.slice(0, arg.indexOf(".")), arg.slice(arg.indexOf(".") + 1)] : Array.isArray(arg) ? arg : [];
    if (typeof parts[0] === "string") out.push({ name: parts[0], attribute: typeof parts[1] === "string" ? parts[1] : undefined });
    if (Array.isArray(arg)) referencesIn(arg.slice(1), condition, out);
  } else if (fn === "Fn::Sub") {
    const text = Array.isArray(arg) ? arg[0] : arg;
    const vars = Array.isArray(arg) && typeof arg[1] === "object" && arg[1] !== null ? (arg[1] as Record<string, unknown>) : {};
    if (typeof text === "string") {
      for (const v of subVariables(text)) {
        if (Object.hasOwn(vars, v)) continue;
        const dot = v.indexOf(".");
        if (dot > 0 && !v.startsWith("AWS::")) out.push({ name: v.slice(0, dot), attribute: v.slice(dot + 1) });
        else out.push({ name: v });
      }
    }
    if (Array.isArray(arg)) referencesIn(arg[1], condition, out);
  } else if (fn === "Fn::If" && condition && Array.isArray(arg) && typeof arg[0] === "string") {
    referencesIn(condition(arg[0]) ? arg[1] : arg[2], condition, out);
  } else {
    for (const v of Object.values(value)) referencesIn(v, condition, out);
  }
  return out;
}

export function dependsOn(decl: ResourceDeclaration): string[] {
  const d = decl.DependsOn;
  return d === undefined ? [] : Array.isArray(d) ? d.map(String) : [String(d)];
}

/** The resources `decl` needs first: DependsOn, and every Ref/GetAtt/Sub naming another resource. */
export function resourceDependencies(decl: ResourceDeclaration, resources: ReadonlySet<string>, condition?: (name: string) => boolean): string[] {
  const names = new Set(dependsOn(decl));
  for (const r of referencesIn(decl.Properties ?? {}, condition)) if (resources.has(r.name)) names.add(r.name);
  return [...names].filter((n) => resources.has(n));
}

// What a deployment would change, as a change set lists it: resources added, modified (in place or
// by replacement: True, False or Conditional) or removed. Values that depend on a resource being
// added or replaced are unknown until then: they count as a change whose evaluation is Dynamic.
import { evaluate, type Scope } from "../template/intrinsics.js";
import { templateError } from "../template/errors.js";
import { providerFor } from "../resources/index.js";
import { changedProperties, replaces } from "../engine/changed.js";
import { liveResources } from "../engine/plans.js";
import { parameterValue, pseudoValue, stackScope } from "../engine/scope.js";
import type { Deployment, StackRecord } from "../context.js";
import type { Env } from "../engine/env.js";
import type { Change, ResourceChangeDetail } from "../generated/types.js";

const MARK = "{{ecs-local:changing:";
const marker = (name: string) => `${MARK}${name}}}`;
const dynamic = (v: unknown) => JSON.stringify(v ?? null).includes(MARK);

function predictiveScope(env: Env, rec: StackRecord, d: Deployment, changing: Set<string>): Scope {
  const base = stackScope(env, rec, d);
  return {
    ...base,
    ref(name) {
      const p = parameterValue(d, name);
      if (p !== undefined) return p;
      const pseudo = pseudoValue(env, rec, d, name);
      if (pseudo !== undefined) return pseudo;
      const r = rec.resources.get(name);
      return changing.has(name) || r?.physicalId === undefined ? marker(name) : r.physicalId;
    },
    getAtt(logicalId, attribute) {
      const r = rec.resources.get(logicalId);
      if (changing.has(logicalId) || !r) return marker(`${logicalId}.${attribute}`);
      const v = r.attributes[attribute];
      if (v === undefined) throw templateError(`resource ${logicalId} does not support attribute type ${attribute} in Fn::GetAtt`);
      return v;
    },
  };
}

interface Predicted {
  props: Record<string, unknown>;
  replace: "True" | "False" | "Conditional";
  changed: string[];
}

/** The changes of deploying `d` on `rec` (a stack in REVIEW_IN_PROGRESS has no resources: every one is added). */
export function predictChanges(env: Env, rec: StackRecord, d: Deployment): Change[] {
  const live = liveResources(d);
  const changing = new Set(live.filter((n) => !rec.resources.has(n) || rec.resources.get(n)!.type !== d.template.Resources[n].Type));
  let predicted = new Map<string, Predicted>();
  // A replacement makes its dependents' values unknown, which may replace them too: until nothing grows.
  for (let round = 0; round <= live.length; round++) {
    predicted = new Map();
    const before = changing.size;
    const scope = predictiveScope(env, rec, d, changing);
    for (const n of live) {
      const old = rec.resources.get(n);
      if (!old || changing.has(n) && old.type !== d.template.Resources[n].Type) continue;
      const props = evaluate(d.template.Resources[n].Properties ?? {}, scope) as Record<string, unknown>;
      const changed = changedProperties(old.properties, props);
      if (!changed.length) continue;
      const p = providerFor(old.type)!;
      const rep = changed.filter((k) => replaces(p, k, old.properties, props));
      const replace = rep.some((k) => !dynamic(props[k])) ? "True" : rep.length ? "Conditional" : "False";
      if (replace === "True") changing.add(n);
      predicted.set(n, { props, replace, changed });
    }
    if (changing.size === before) break;
  }
  const out: Change[] = [];
  for (const n of live) {
    const type = d.template.Resources[n].Type;
    const old = rec.resources.get(n);
    if (!old) {
      out.push({ Type: "Resource", ResourceChange: { Action: "Add", LogicalResourceId: n, ResourceType: type, Scope: [], Details: [] } });
      continue;
    }
    if (old.type !== type) {
      out.push({ Type: "Resource", ResourceChange: { Action: "Modify", LogicalResourceId: n, PhysicalResourceId: old.physicalId, ResourceType: type, Replacement: "True", Scope: [], Details: [] } });
      continue;
    }
    const p = predicted.get(n);
    if (!p) {
      if (providerFor(type)!.taggable && JSON.stringify(old.stackTags ?? []) !== JSON.stringify(d.tags)) {
        const detail: ResourceChangeDetail = { Target: { Attribute: "Tags", RequiresRecreation: "Never" }, Evaluation: "Static", ChangeSource: "DirectModification" };
        out.push({ Type: "Resource", ResourceChange: { Action: "Modify", LogicalResourceId: n, PhysicalResourceId: old.physicalId, ResourceType: type, Replacement: "False", Scope: ["Tags"], Details: [detail] } });
      }
      continue;
    }
    const provider = providerFor(type)!;
    const details: ResourceChangeDetail[] = p.changed.map((k) => {
      const dyn = dynamic(p.props[k]);
      const rep = replaces(provider, k, old.properties, p.props);
      return {
        Target: { Attribute: k === "Tags" ? "Tags" : "Properties", Name: k, RequiresRecreation: rep ? (dyn ? "Conditionally" : "Always") : "Never" },
        Evaluation: dyn ? "Dynamic" : "Static",
        ChangeSource: dyn ? "ResourceReference" : "DirectModification",
      };
    });
    const scope = [...new Set(details.map((x) => x.Target!.Attribute!))].sort() as ("Properties" | "Tags")[];
    out.push({ Type: "Resource", ResourceChange: { Action: "Modify", LogicalResourceId: n, PhysicalResourceId: old.physicalId, ResourceType: type, Replacement: p.replace, Scope: scope, Details: details } });
  }
  for (const [n, r] of rec.resources) {
    if (live.includes(n)) continue;
    out.push({ Type: "Resource", ResourceChange: { Action: "Remove", LogicalResourceId: n, PhysicalResourceId: r.physicalId, ResourceType: r.type, Scope: [], Details: [], PolicyAction: r.deletionPolicy === "Retain" ? "Retain" : "Delete" } });
  }
  return out;
}

/** Whether an update changes anything at all: resources, outputs, tags, notification ARNs or parameters. */
export function updateChangesNothing(env: Env, rec: StackRecord, d: Deployment, changes: Change[]): boolean {
  if (changes.length) return false;
  const prev = rec.current;
  if (JSON.stringify(prev.tags) !== JSON.stringify(d.tags) || JSON.stringify(prev.notificationArns) !== JSON.stringify(d.notificationArns)) return false;
  if (prev.body === d.body && JSON.stringify(prev.values) === JSON.stringify(d.values)) return true;
  try {
    const scope = predictiveScope(env, rec, d, new Set());
    const outs = Object.entries(d.template.Outputs ?? {})
      .filter(([, o]) => o.Condition === undefined || d.conditions[o.Condition])
      .map(([k, o]) => [k, JSON.stringify(evaluate(o.Value, scope))]);
    const had = rec.outputs.map((o) => [o.OutputKey, JSON.stringify(o.OutputValue)]);
    return JSON.stringify(outs.map(([k, v]) => [k, JSON.parse(v!)]).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : String(v)])) === JSON.stringify(had.map(([k, v]) => [k, JSON.parse(v!)]));
  } catch {
    return false;
  }
}

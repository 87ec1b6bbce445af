// The actions of each stack operation, each after the actions it must wait for: a resource after
// what it depends on; a deletion after the deletion of what depends on it.
import { resourceDependencies } from "../template/references.js";
import type { Action, Deployment, ResourceRecord, Run, StackRecord } from "../context.js";

/** The resources a deployment makes: those without a condition or whose condition holds. */
export function liveResources(d: Deployment): string[] {
  return Object.entries(d.template.Resources)
    .filter(([, decl]) => decl.Condition === undefined || d.conditions[decl.Condition] === true)
    .map(([name]) => name);
}

function dependencies(d: Deployment, names: readonly string[]): Map<string, string[]> {
  const set = new Set(names);
  const cond = (c: string) => d.conditions[c] === true;
  return new Map(names.map((n) => [n, resourceDependencies(d.template.Resources[n], set, cond)]));
}

const action = (logicalId: string, kind: Action["kind"], after: string[], old?: ResourceRecord): Action => ({ logicalId, kind, after, state: "waiting", ...(old ? { old } : {}) });

/** A new stack, or the resources an update adds and the ones it may change. */
export function deployPlan(rec: StackRecord): Action[] {
  const live = liveResources(rec.current);
  const deps = dependencies(rec.current, live);
  return live.map((n) => action(n, rec.resources.has(n) ? "update" : "create", deps.get(n)!));
}

/** Deletions of `names`, each after the deletions of the resources that depend on it (in any of the deployments). */
export function deletePlan(rec: StackRecord, names: string[], deployments: Deployment[]): Action[] {
  const set = new Set(names);
  const dependents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const d of deployments) {
    const present = Object.keys(d.template.Resources).filter((n) => set.has(n));
    for (const [n, ds] of dependencies(d, present)) for (const dep of ds) dependents.get(dep)?.add(n);
  }
  return names.filter((n) => rec.resources.has(n)).map((n) => action(n, "delete", [...dependents.get(n)!]));
}

/** What an update removes: resources it had that the new template does not make. */
export function removedResources(rec: StackRecord): string[] {
  const live = new Set(liveResources(rec.current));
  return [...rec.resources.keys()].filter((n) => !live.has(n));
}

/** The cleanup of an update or of its rollback: the physical resources left behind, newest first. */
export function cleanupPlan(run: Run): Action[] {
  return run.cleanup
    .slice()
    .reverse()
    .map((old) => action(old.logicalId, "deleteOld", [], old));
}

/** An update's rollback: what it changed goes back (restore), what it created is deleted after. */
export function updateRollbackPlan(rec: StackRecord, failed: Run): { main: Action[]; created: string[] } {
  const touched = failed.actions.filter((a) => a.kind === "update" && a.old && a.state !== "waiting");
  const created = failed.actions.filter((a) => a.kind === "create" && rec.resources.has(a.logicalId)).map((a) => a.logicalId);
  const names = touched.map((a) => a.logicalId);
  const deps = dependencies(rec.previous!, names.filter((n) => rec.previous!.template.Resources[n]));
  return { main: touched.map((a) => action(a.logicalId, "restore", deps.get(a.logicalId) ?? [], a.old)), created };
}

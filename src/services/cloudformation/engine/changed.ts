// What an update does to one resource: nothing, an update in place, or a replacement.
import type { ResourceProvider } from "../resources/provider.js";

export type Effect = "none" | "update" | "replace";

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const at = (props: Record<string, unknown> | undefined, path: string): unknown =>
  path.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), props);

/** The top-level properties whose values differ. */
export function changedProperties(before: Record<string, unknown> | undefined, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  return [...keys].filter((k) => !same(before?.[k], after[k])).sort();
}

/** Whether a change of property `name` replaces the resource. */
export function replaces(p: ResourceProvider, name: string, before?: Record<string, unknown>, after?: Record<string, unknown>): boolean {
  if (!p.update || p.replaceOn.includes("*")) return true;
  return p.replaceOn.some((r) => r === name || (r.startsWith(`${name}.`) && !same(at(before, r), at(after, r))));
}

export function effectOf(p: ResourceProvider, before: Record<string, unknown> | undefined, after: Record<string, unknown>): Effect {
  const changed = changedProperties(before, after);
  if (!changed.length) return "none";
  return changed.some((k) => replaces(p, k, before, after)) ? "replace" : "update";
}

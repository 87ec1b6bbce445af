// The order resources are made in: a resource after everything it depends on; a cycle is refused.
import { validation } from "./errors.js";

/** Throws AWS's "Circular dependency between resources" naming the resources on cycles. */
export function checkAcyclic(deps: Map<string, string[]>): void {
  const state = new Map<string, 1 | 2>();
  const onCycle = new Set<string>();
  const stack: string[] = [];
  const visit = (n: string): void => {
    state.set(n, 1);
    stack.push(n);
    for (const d of deps.get(n) ?? []) {
      const s = state.get(d);
      if (s === 1) for (const m of stack.slice(stack.indexOf(d))) onCycle.add(m);
      else if (s === undefined) visit(d);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const n of deps.keys()) if (!state.has(n)) visit(n);
  // Resources that depend on a cycle are named too, as AWS does.
  if (onCycle.size) {
    let grew = true;
    while (grew) {
      grew = false;
      for (const [n, ds] of deps) if (!onCycle.has(n) && ds.some((d) => onCycle.has(d))) onCycle.add(n), (grew = true);
    }
    throw validation(`Circular dependency between resources: [${[...onCycle].sort().join(", ")}]`);
  }
}

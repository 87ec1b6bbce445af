// The Conditions section, evaluated once per deployment from parameters and pseudo parameters.
import { evaluate, type Scope } from "./intrinsics.js";
import { formatError, templateError } from "./errors.js";
import type { Template } from "./types.js";

export function evaluateConditions(t: Template, ref: (name: string) => unknown): Record<string, boolean> {
  const declared = t.Conditions ?? {};
  const out: Record<string, boolean> = {};
  const busy = new Set<string>();
  const condition = (name: string): boolean => {
    if (out[name] !== undefined) return out[name];
    if (!Object.hasOwn(declared, name)) throw formatError(`Unresolved condition dependency ${name}`);
    if (busy.has(name)) throw formatError(`Circular dependency between conditions: [${[...busy].join(", ")}]`);
    busy.add(name);
    const v = evaluate(declared[name], scope);
    busy.delete(name);
    if (typeof v !== "boolean") throw templateError(`Condition ${name} must be a boolean`);
    return (out[name] = v);
  };
  const scope: Scope = {
    ref,
    condition,
    getAtt: (r) => {
      throw formatError(`Unresolved dependencies [${r}]. Cannot reference resources in the Conditions block of the template`);
    },
    mapping: (m, a, b) => {
      const v = t.Mappings?.[m]?.[a]?.[b];
      if (v === undefined) throw templateError(`Unable to get mapping for ${m}::${a}::${b}`);
      return v;
    },
    importValue: () => {
      throw templateError("Fn::ImportValue cannot be used in Conditions");
    },
    azs: () => [],
  };
  for (const name of Object.keys(declared)) condition(name);
  return out;
}

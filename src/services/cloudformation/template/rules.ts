// The Rules section: each rule whose RuleCondition holds must have every Assert hold, or the request
// is refused with the assertion's AssertDescription (the CDK's CheckBootstrapVersion is one).
import { commonErrors } from "../../../protocol/errors.js";
import { functionName } from "./intrinsics.js";
import { templateError, validation } from "./errors.js";
import type { Template } from "./types.js";

type Ref = (name: string) => unknown;

function bool(v: unknown, fn: string): boolean {
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "false") return v === "true";
  throw templateError(`every ${fn} object requires boolean parameters`);
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" ? v.split(",") : [String(v)]);

function rule(v: unknown, ref: Ref): unknown {
  if (Array.isArray(v)) return v.map((x) => rule(x, ref));
  const fn = functionName(v);
  if (!fn) return v;
  const arg = (v as Record<string, unknown>)[fn];
  const args = Array.isArray(arg) ? arg.map((x) => rule(x, ref)) : [];
  switch (fn) {
    case "Ref":
      return ref(String(arg));
    case "Fn::Contains":
      return list(args[0]).includes(String(args[1]));
    case "Fn::EachMemberEquals":
      return list(args[0]).every((m) => m === String(args[1]));
    case "Fn::EachMemberIn":
      return list(args[0]).every((m) => list(args[1]).includes(m));
    case "Fn::Equals":
      return String(args[0]) === String(args[1]);
    case "Fn::Not":
      return !bool(args[0], fn);
    case "Fn::And":
      return args.every((a) => bool(a, fn));
    case "Fn::Or":
      return args.some((a) => bool(a, fn));
    case "Fn::If":
      return bool(args[0], fn) ? args[1] : args[2];
    default:
      throw commonErrors.unsupported(`ecs-local does not evaluate ${fn} in Rules.`);
  }
}

export function checkRules(t: Template, ref: Ref): void {
  for (const [name, r] of Object.entries(t.Rules ?? {}) as [string, { RuleCondition?: unknown; Assertions?: { Assert: unknown; AssertDescription?: string }[] }][]) {
    if (r.RuleCondition !== undefined && !bool(rule(r.RuleCondition, ref), "RuleCondition")) continue;
    for (const a of r.Assertions ?? []) {
      if (!bool(rule(a.Assert, ref), "Assert")) throw validation(a.AssertDescription ?? `Template error: Assertion failed for rule ${name}`);
    }
  }
}

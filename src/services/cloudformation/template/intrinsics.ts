// The intrinsic functions, evaluated against a scope that knows parameters, resources, conditions,
// mappings and exports. AWS::NoValue is a marker that removes the member or item holding it.
import { templateError } from "./errors.js";
import { cidr } from "./cidr.js";

export const NO_VALUE: unique symbol = Symbol("AWS::NoValue");

export interface Scope {
  /** A parameter's value, a pseudo parameter's, or a resource's Ref. */
  ref(name: string): unknown;
  getAtt(logicalId: string, attribute: string): unknown;
  condition(name: string): boolean;
  mapping(map: string, top: string, second: string): unknown;
  importValue(name: string): string;
  azs(region: string): string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The one key of a function object ({"Fn::Join": …}), or undefined for plain data. */
export function functionName(v: unknown): string | undefined {
  if (!isObject(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1) return undefined;
  const k = keys[0];
  return k === "Ref" || k === "Condition" || k.startsWith("Fn::") ? k : undefined;
}

export function evaluate(value: unknown, scope: Scope): unknown {
  if (Array.isArray(value)) return value.map((v) => evaluate(v, scope)).filter((v) => v !== NO_VALUE);
  if (!isObject(value)) return value;
  const fn = functionName(value);
  if (fn === undefined || fn === "Condition") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const e = evaluate(v, scope);
      if (e !== NO_VALUE) out[k] = e;
    }
    return out;
  }
  return call(fn, value[fn], scope);
}

const str = (v: unknown, fn: string): string => {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  throw templateError(`every ${fn} object requires string parameters`);
};

function call(fn: string, arg: unknown, scope: Scope): unknown {
  const ev = (v: unknown) => evaluate(v, scope);
  // Inside Fn::And, Fn::Or and Fn::Not, {"Condition": name} names a condition (elsewhere it is data:
  // an IAM statement's Condition block).
  const operand = (v: unknown) => (functionName(v) === "Condition" ? call("Condition", (v as Record<string, unknown>).Condition, scope) : ev(v));
  switch (fn) {
    case "Ref":
      if (typeof arg !== "string") throw templateError("every Ref object requires a single string parameter.");
      return scope.ref(arg);
    case "Fn::GetAtt": {
      const parts = typeof arg === "string" ? splitOnce(arg) : Array.isArray(arg) ? arg.map(ev) : [];
      if (parts.length !== 2 || typeof parts[0] !== "string" || typeof parts[1] !== "string" || !parts[0] || !parts[1]) {
        throw templateError("every Fn::GetAtt object requires two non-empty parameters, the resource name and the resource attribute");
      }
      return scope.getAtt(parts[0], parts[1]);
    }
    case "Fn::Join": {
      if (!Array.isArray(arg) || arg.length !== 2) throw joinError();
      const list = ev(arg[1]);
      if (!Array.isArray(list)) throw joinError();
      return list.map((x) => str(x, fn)).join(str(arg[0], fn));
    }
    case "Fn::Select": {
      if (!Array.isArray(arg) || arg.length !== 2) throw templateError("Fn::Select requires a list argument with two elements: an integer index and a list");
      const index = Number(ev(arg[0]));
      const list = ev(arg[1]);
      if (!Array.isArray(list) || !Number.isInteger(index)) throw templateError("Fn::Select requires a list argument with two elements: an integer index and a list");
      if (index < 0 || index >= list.length) throw templateError(`Fn::Select cannot select nonexistent value at index ${index}`);
      return list[index];
    }
    case "Fn::Split": {
      if (!Array.isArray(arg) || arg.length !== 2) throw splitError();
      const source = ev(arg[1]);
      if (typeof source !== "string") throw splitError();
      return source.split(str(arg[0], fn));
    }
    case "Fn::If": {
      if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== "string") {
        throw templateError("every Fn::If object requires three parameters, the condition, the value if true and the value if false");
      }
      return ev(scope.condition(arg[0]) ? arg[1] : arg[2]);
    }
    case "Fn::Equals": {
      if (!Array.isArray(arg) || arg.length !== 2) throw templateError("every Fn::Equals object requires a list of 2 string parameters.");
      return String(ev(arg[0])) === String(ev(arg[1]));
    }
    case "Fn::And":
    case "Fn::Or": {
      if (!Array.isArray(arg) || arg.length < 2 || arg.length > 10) throw templateError(`every ${fn} object requires a list of at least 2 and at most 10 boolean parameters.`);
      const values = arg.map((c) => bool(operand(c), fn));
      return fn === "Fn::And" ? values.every(Boolean) : values.some(Boolean);
    }
    case "Fn::Not": {
      if (!Array.isArray(arg) || arg.length !== 1) throw templateError("every Fn::Not object requires a list of 1 boolean parameter.");
      return !bool(operand(arg[0]), fn);
    }
    case "Condition":
      if (typeof arg !== "string") throw templateError("every Condition object requires a single string parameter.");
      return scope.condition(arg);
    case "Fn::FindInMap": {
      if (!Array.isArray(arg) || arg.length < 3) throw templateError("every Fn::FindInMap object requires three parameters, the map name, map key and the attribute for return value");
      const [m, k1, k2] = arg.slice(0, 3).map((x) => str(ev(x), fn));
      // AWS::LanguageExtensions' fourth argument: the value when the map has no such keys.
      const fallback = arg[3] as { DefaultValue?: unknown } | undefined;
      if (fallback?.DefaultValue === undefined) return scope.mapping(m, k1, k2);
      try {
        return scope.mapping(m, k1, k2);
      } catch {
        return ev(fallback.DefaultValue);
      }
    }
    case "Fn::GetAZs": {
      const region = ev(arg);
      return scope.azs(typeof region === "string" && region !== "" ? region : String(scope.ref("AWS::Region")));
    }
    case "Fn::ImportValue":
      return scope.importValue(str(ev(arg), fn));
    case "Fn::Base64":
      return Buffer.from(str(ev(arg), fn), "utf8").toString("base64");
    case "Fn::Cidr": {
      if (!Array.isArray(arg) || arg.length !== 3) throw templateError("Fn::Cidr requires three parameters: an IP block, a count and the number of subnet bits");
      return cidr(str(ev(arg[0]), fn), Number(ev(arg[1])), Number(ev(arg[2])));
    }
    case "Fn::Sub":
      return sub(arg, scope);
    case "Fn::Length": {
      const list = ev(arg);
      if (!Array.isArray(list)) throw templateError("Fn::Length requires a list");
      return list.length;
    }
    case "Fn::ToJsonString":
      return JSON.stringify(ev(arg));
    default:
      throw templateError(`Unrecognized intrinsic function ${fn}`);
  }
}

const joinError = () =>
  templateError("every Fn::Join object requires two parameters, (1) a string delimiter and (2) a list of strings to be joined or a function that returns a list of strings (such as Fn::GetAZs) to be joined.");
const splitError = () =>
  templateError("every Fn::Split object requires two parameters, (1) a string delimiter and (2) a string to be split or a function that returns a string to be split.");

function bool(v: unknown, fn: string): boolean {
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "false") return v === "true";
  throw templateError(`every ${fn} object requires boolean parameters`);
}

function splitOnce(s: string): string[] {
  const dot = s.indexOf(".");
  return dot < 0 ? [s] : [s.slice(0, dot), s.slice(dot + 1)];
}

/** The variables a Fn::Sub string names: `${Name}`, `${Res.Attr}`; `${!Literal}` names none. */
export function subVariables(text: string): string[] {
  return [...text.matchAll(/\$\{([^}!][^}]*)\}/g)].map((m) => m[1].trim());
}

function sub(arg: unknown, scope: Scope): string {
  let text: unknown = arg;
  let vars: Record<string, unknown> = {};
  if (Array.isArray(arg)) {
    if (arg.length !== 2 || typeof arg[0] !== "string" || typeof arg[1] !== "object" || arg[1] === null) {
      throw templateError("One or more Fn::Sub intrinsic functions don't specify expected arguments. Specify a string as first argument, and an optional second argument to specify a mapping of values to replace in the string");
    }
    text = arg[0];
    vars = evaluate(arg[1], scope) as Record<string, unknown>;
  }
  if (typeof text !== "string") {
    throw templateError("One or more Fn::Sub intrinsic functions don't specify expected arguments. Specify a string as first argument, and an optional second argument to specify a mapping of values to replace in the string");
  }
  return text.replace(/\$\{([^}]*)\}/g, (_, name: string) => {
    if (name.startsWith("!")) return "${" + name.slice(1) + "}";
    const key = name.trim();
    let v: unknown;
    if (Object.hasOwn(vars, key)) v = vars[key];
    else if (key.includes(".") && !key.startsWith("AWS::")) v = scope.getAtt(...(splitOnce(key) as [string, string]));
    else v = scope.ref(key);
    if (Array.isArray(v)) throw templateError(`variable ${key} in Fn::Sub expression must resolve to a string`);
    return str(v, "Fn::Sub");
  });
}

// Inputs for the robustness test, built from an operation's input schema: a minimal valid input,
// a full one (optional members filled too), and variants with one member made wrong in some way.
// Everything is driven by a seeded PRNG so a failure reproduces exactly.
import { readFileSync } from "node:fs";
import { join } from "node:path";

type Schema = Record<string, any>;
type Json = unknown;

/** mulberry32: small, fast and good enough to pick variants reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Values that name the resources the test created, by member name. */
export type Named = Record<string, Json>;

export interface Variant {
  label: string;
  input: Json;
}

export class InputFactory {
  private readonly root: Schema;
  private readonly defs: Record<string, Schema>;

  constructor(
    schemasDir: string,
    operation: string,
    private readonly named: Named,
    /** ARNs of several resource types, for "an ARN of the wrong kind". */
    private readonly arns: string[],
    private readonly rand: () => number,
  ) {
    const doc = JSON.parse(readFileSync(join(schemasDir, `${operation}.input.json`), "utf8"));
    this.defs = doc.definitions ?? {};
    this.root = this.resolve(doc);
  }

  private resolve(s: Schema): Schema {
    while (s.$ref) s = this.defs[String(s.$ref).split("/").pop()!];
    return s;
  }

  private pick<T>(list: T[]): T {
    return list[Math.floor(this.rand() * list.length)];
  }

  /** A valid value for `schema`; `full` fills optional members too, down to a few levels. */
  fill(schema: Schema, name: string, full: boolean, depth = 0): Json {
    const s = this.resolve(schema);
    if (name in this.named && this.fits(s, this.named[name])) return structuredClone(this.named[name]);
    if (s.enum) return this.pick(s.enum as Json[]);
    switch (s.type) {
      case "string":
        return /Arn$/.test(name) ? String(this.named.resourceArn) : "x".repeat(Math.max(1, s.minLength ?? 1));
      case "integer":
      case "number":
        return Math.min(Math.max(1, s.minimum ?? 1), s.maximum ?? Infinity);
      case "boolean":
        return this.rand() < 0.5;
      case "array":
        return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => this.fill(s.items, singular(name), full, depth + 1));
      case "object": {
        if (s.additionalProperties) return { key: this.fill(s.additionalProperties, "value", full, depth + 1) };
        const out: Record<string, Json> = {};
        const required = new Set<string>(s.required ?? []);
        for (const [k, v] of Object.entries<Schema>(s.properties ?? {})) {
          if (required.has(k) || (full && depth < 4)) out[k] = this.fill(v, k, full, depth + 1);
        }
        return out;
      }
    }
    return "x";
  }

  /** Named values are strings, numbers or lists of strings: they stand only where the schema wants that. */
  private fits(s: Schema, v: Json): boolean {
    if (s.enum) return false;
    if (Array.isArray(v)) return s.type === "array" && this.resolve(s.items).type === "string" && !this.resolve(s.items).enum;
    return (s.type === "string" && typeof v === "string") || ((s.type === "integer" || s.type === "number") && typeof v === "number");
  }

  /** Required members, plus `cluster` where the operation takes one, so the seeded cluster is used. */
  minimal(extra: Record<string, Json> = {}): Record<string, Json> {
    const out = this.fill(this.root, "", false) as Record<string, Json>;
    if (this.root.properties?.cluster && "cluster" in this.named) out.cluster = this.named.cluster;
    return { ...out, ...extra };
  }

  /** Every member filled; a made-up nextToken would only ever answer "Invalid token". */
  full(extra: Record<string, Json> = {}): Record<string, Json> {
    const out = this.fill(this.root, "", true) as Record<string, Json>;
    delete out.nextToken;
    return { ...out, ...extra };
  }

  /** An ARN in this account and region whose resource type differs from `proper`'s. */
  private wrongArn(proper: string): string {
    const kind = (a: string) => a.split(":")[5]?.split("/")[0];
    const others = this.arns.filter((a) => kind(a) !== kind(proper));
    return this.pick(others.length ? others : this.arns);
  }

  /** `value` if it is an ARN, else the ARN of the seeded resource it names, else the cluster's. */
  private arnOf(value: Json): string {
    if (typeof value === "string" && value.startsWith("arn:")) return value;
    const named = typeof value === "string" && value !== "" ? this.arns.find((a) => a.endsWith(`/${value}`)) : undefined;
    return named ?? String(this.named.resourceArn);
  }

  /** Every wrong value worth trying in place of `value`, whose schema is `schema`. */
  mutations(schema: Schema, value: Json): { label: string; value: Json }[] {
    const s = this.resolve(schema);
    const out: { label: string; value: Json }[] = [{ label: "null", value: null }];
    const long = "a".repeat(320 + Math.floor(this.rand() * 40));
    switch (s.type) {
      case "string": {
        const arn = this.arnOf(value);
        out.push(
          { label: "number", value: 7 },
          { label: "list", value: [value] },
          { label: "empty", value: "" },
          { label: "long", value: long },
          { label: "wrong-type ARN", value: this.wrongArn(arn) },
          { label: "other-region ARN", value: arn.replace(/^(arn:aws:[^:]*:)[^:]*/, "$1eu-west-3") },
          { label: "other-account ARN", value: arn.replace(/^(arn:aws:[^:]*:[^:]*:)[^:]*/, "$1111122223333") },
          { label: "ARN without a name", value: arn.replace(/\/.*$/, "/") },
          { label: "bare ARN prefix", value: "arn:aws:ecs" },
          { label: "suffix :x", value: `${value}:x` },
          { label: "suffix :0", value: `${value}:0` },
          { label: "suffix :-1", value: `${value}:-1` },
          { label: "suffix :huge", value: `${value}:99999999999999999999` },
          { label: "suffix /x", value: `${value}/x` },
          { label: "ARN suffix /x/y", value: `${arn}/x/y` },
          { label: "odd characters", value: "a*b?c%d{e}f\\g\u0000h\u{1F600}" },
        );
        break;
      }
      case "integer":
      case "number":
        out.push(
          { label: "string", value: "12" },
          { label: "negative", value: -1 },
          { label: "zero", value: 0 },
          { label: "huge", value: 2 ** 53 },
          { label: "fraction", value: 1.5 },
          { label: "1e300", value: 1e300 },
        );
        break;
      case "boolean":
        out.push({ label: "string", value: "true" }, { label: "number", value: 1 });
        break;
      case "array": {
        const item = Array.isArray(value) && value.length ? value[0] : this.fill(s.items, "", false);
        out.push(
          { label: "string", value: "x" },
          { label: "object", value: {} },
          { label: "empty list", value: [] },
          { label: "101 items", value: Array.from({ length: 101 }, () => structuredClone(item)) },
          { label: "duplicate items", value: [item, structuredClone(item)] },
          { label: "null item", value: [null] },
          { label: "long item", value: [long] },
        );
        break;
      }
      case "object":
        out.push({ label: "string", value: "x" }, { label: "list", value: [] }, { label: "empty object", value: {} });
        break;
    }
    return out;
  }

  /** `base` with each top-level member in turn replaced by each mutation of it. */
  topLevel(base: Record<string, Json>): Variant[] {
    const out: Variant[] = [];
    for (const [k, schema] of Object.entries<Schema>(this.root.properties ?? {})) {
      const value = k in base ? base[k] : this.fill(schema, k, false);
      for (const m of this.mutations(schema, value)) out.push({ label: `${k} ← ${m.label}`, input: { ...base, [k]: m.value } });
    }
    return out;
  }

  /** Up to `limit` variants of `base` with one member two or more levels down made wrong. */
  nested(base: Json, limit: number): Variant[] {
    const all: Variant[] = [];
    const walk = (value: Json, schema: Schema, path: (string | number)[]): void => {
      const s = this.resolve(schema);
      if (path.length >= 2) {
        for (const m of this.mutations(s, value)) all.push({ label: `${path.join(".")} ← ${m.label}`, input: setAt(base, path, m.value) });
      }
      if (s.type === "array" && Array.isArray(value)) value.forEach((v, i) => walk(v, s.items, [...path, i]));
      if (s.type === "object" && value && typeof value === "object" && !s.additionalProperties) {
        for (const [k, v] of Object.entries(value as Record<string, Json>)) if (s.properties?.[k]) walk(v, s.properties[k], [...path, k]);
      }
    };
    walk(base, this.root, []);
    for (let i = all.length - 1; i > 0; i--) {
      const j = Math.floor(this.rand() * (i + 1));
      [all[i], all[j]] = [all[j], all[i]];
    }
    return all.slice(0, limit);
  }
}

function singular(name: string): string {
  return name.endsWith("s") ? name.slice(0, -1) : name;
}

function setAt(root: Json, path: (string | number)[], value: Json): Json {
  const copy = structuredClone(root) as any;
  let node = copy;
  for (const p of path.slice(0, -1)) node = node[p];
  node[path[path.length - 1]] = value;
  return copy;
}

// FilterLogEvents' JSON patterns (`{ $.level = "error" && $.ms > 100 }`) and space-delimited
// patterns (`[ip, user, ..., status = 404]`), as the CloudWatch Logs filter pattern syntax defines
// them; plain-text patterns stay in events.ts.
import { InvalidParameterException } from "../generated/errors.js";

type Match = (message: string) => boolean;
type Value = { kind: "string"; text: string } | { kind: "number"; n: number };
type Op = "=" | "!=" | "<" | ">" | "<=" | ">=";

const invalid = (): Error => new InvalidParameterException("Invalid filter pattern");

/** Splits a pattern into tokens: quoted strings, operators, parentheses, commas and words. */
function tokenize(text: string): string[] {
  const re = /\s*("(?:[^"\\]|\\.)*"|&&|\|\||!=|<=|>=|[=<>(),]|\.\.\.|[^\s"=!<>(),&|]+)/gy;
  const out: string[] = [];
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = re.exec(text))) {
    out.push(m[1]);
    at = re.lastIndex;
  }
  if (text.slice(at).trim() !== "") throw invalid();
  return out;
}

function parseValue(tok: string | undefined): Value {
  if (tok === undefined || /^(&&|\|\||[=<>(),]|!=|<=|>=)$/.test(tok)) throw invalid();
  if (tok.startsWith('"')) return { kind: "string", text: tok.slice(1, -1).replace(/\\(.)/g, "$1") };
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(tok)) return { kind: "number", n: Number(tok) };
  return { kind: "string", text: tok };
}

/** `*` in a string value matches any run of characters. */
function wildcard(text: string): RegExp {
  return new RegExp(`^${text.split("*").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "s");
}

/** Compares what the event holds (a JSON value or a field's text) with the pattern's value. */
function compare(actual: unknown, op: Op, v: Value): boolean {
  if (v.kind === "number") {
    const n = typeof actual === "number" ? actual : typeof actual === "string" && actual.trim() !== "" ? Number(actual) : NaN;
    if (Number.isNaN(n)) return false;
    switch (op) {
      case "=": return n === v.n;
      case "!=": return n !== v.n;
      case "<": return n < v.n;
      case ">": return n > v.n;
      case "<=": return n <= v.n;
      case ">=": return n >= v.n;
    }
  }
  if (op !== "=" && op !== "!=") throw invalid();
  if (typeof actual !== "string" && typeof actual !== "number" && typeof actual !== "boolean") return false;
  const hit = wildcard(v.text).test(String(actual));
  return op === "=" ? hit : !hit;
}

class Parser {
  private i = 0;
  constructor(
    private readonly toks: string[],
    /** Reads one operand: `$.a.b` in a JSON pattern, a field name in a space-delimited one. */
    private readonly operand: (tok: string) => (ctx: never) => { found: boolean; value: unknown },
  ) {}
  peek(): string | undefined {
    return this.toks[this.i];
  }
  next(): string | undefined {
    return this.toks[this.i++];
  }
  done(): boolean {
    return this.i >= this.toks.length;
  }
  or(): (ctx: never) => boolean {
    const parts = [this.and()];
    while (this.peek() === "||") {
      this.next();
      parts.push(this.and());
    }
    return parts.length === 1 ? parts[0] : (c) => parts.some((p) => p(c));
  }
  private and(): (ctx: never) => boolean {
    const parts = [this.primary()];
    while (this.peek() === "&&") {
      this.next();
      parts.push(this.primary());
    }
    return parts.length === 1 ? parts[0] : (c) => parts.every((p) => p(c));
  }
  private primary(): (ctx: never) => boolean {
    const tok = this.next();
    if (tok === undefined) throw invalid();
    if (tok === "(") {
      const inner = this.or();
      if (this.next() !== ")") throw invalid();
      return inner;
    }
    const read = this.operand(tok);
    const op = this.next();
    if (op === "IS") {
      const what = this.next();
      if (what === "NULL") return (c) => { const r = read(c); return r.found && r.value === null; };
      if (what === "TRUE" || what === "FALSE") return (c) => read(c).value === (what === "TRUE");
      throw invalid();
    }
    if (op === "NOT") {
      if (this.next() !== "EXISTS") throw invalid();
      return (c) => !read(c).found;
    }
    if (!op || !["=", "!=", "<", ">", "<=", ">="].includes(op)) throw invalid();
    const v = parseValue(this.next());
    if (v.kind === "string" && op !== "=" && op !== "!=") throw invalid();
    return (c) => {
      const r = read(c);
      return r.found && compare(r.value, op as Op, v);
    };
  }
}

/** `$.a.b[0].c`: the path into a parsed JSON event. */
function jsonSelector(tok: string): (doc: never) => { found: boolean; value: unknown } {
  if (!tok.startsWith("$")) throw invalid();
  const path: (string | number)[] = [];
  const re = /\.([^.[\]]+)|\[(\d+)\]/y;
  re.lastIndex = 1;
  let m: RegExpExecArray | null;
  while (re.lastIndex < tok.length && (m = re.exec(tok))) path.push(m[1] !== undefined ? m[1] : Number(m[2]));
  if (re.lastIndex !== tok.length && tok.length > 1) throw invalid();
  return (doc: unknown) => {
    let cur: unknown = doc;
    for (const p of path) {
      if (cur === null || typeof cur !== "object" || !(p in (cur as object))) return { found: false, value: undefined };
      cur = (cur as Record<string | number, unknown>)[p];
    }
    return { found: true, value: cur };
  };
}

/** `{ … }`: matches events whose message is a JSON object meeting the expression. */
export function compileJsonPattern(text: string): Match {
  if (!text.endsWith("}")) throw invalid();
  const toks = tokenize(text.slice(1, -1));
  const p = new Parser(toks, jsonSelector);
  const test = p.or();
  if (!p.done()) throw invalid();
  return (message) => {
    let doc: unknown;
    try {
      doc = JSON.parse(message);
    } catch {
      return false;
    }
    return doc !== null && typeof doc === "object" && test(doc as never);
  };
}

/** A space-delimited event's fields: words, with "…" and […] each one field (without their delimiters). */
export function splitFields(message: string): string[] {
  return [...message.matchAll(/"([^"]*)"|\[([^\]]*)\]|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

interface Slot {
  /** `...`: any number of fields. */
  rest: boolean;
  name?: string;
  test?: (fields: never) => boolean;
}

/** `[a, b=1, ..., c]`: fields by position; names bind them, conditions test them. */
export function compileSpaceDelimited(text: string): Match {
  if (!text.endsWith("]")) throw invalid();
  const toks = tokenize(text.slice(1, -1));
  const slots: Slot[] = [];
  let cur: string[] = [];
  const flush = (): void => {
    if (cur.length === 0) throw invalid();
    if (cur.length === 1 && cur[0] === "...") slots.push({ rest: true });
    else {
      const name = cur[0];
      if (!/^[A-Za-z_][\w-]*$/.test(name)) throw invalid();
      const slot: Slot = { rest: false, name };
      if (cur.length > 1) {
        const p = new Parser(cur, (tok) => {
          if (!/^[A-Za-z_][\w-]*$/.test(tok)) throw invalid();
          return (fields: Map<string, string>) => ({ found: fields.has(tok), value: fields.get(tok) });
        });
        slot.test = p.or();
        if (!p.done()) throw invalid();
      }
      slots.push(slot);
    }
    cur = [];
  };
  for (const tok of toks) {
    if (tok === ",") flush();
    else cur.push(tok);
  }
  if (toks.length) flush();
  return (message) => {
    const fields = splitFields(message);
    // Every way of laying the pattern over the fields is tried until one meets all conditions.
    const tryAll = (si: number, fi: number, bound: Map<string, string>): boolean => {
      if (si === slots.length) return fi === fields.length && slots.every((s) => !s.test || s.test(bound as never));
      const s = slots[si];
      if (s.rest) {
        for (let k = fi; k <= fields.length; k++) if (tryAll(si + 1, k, bound)) return true;
        return false;
      }
      if (fi >= fields.length) return false;
      return tryAll(si + 1, fi + 1, new Map(bound).set(s.name!, fields[fi]));
    };
    return tryAll(0, 0, new Map());
  };
}

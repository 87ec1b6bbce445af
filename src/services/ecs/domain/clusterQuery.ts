// The cluster query language: ListContainerInstances filters and memberOf placement constraints.
//   expression := term (("or" | "||") term)*          term := factor (("and" | "&&") factor)*
//   factor     := ("not" | "!") factor | "(" expression ")" | subject operator [argument]
//   argument   := value | "[" value ("," value)* "]"
// Subjects: attribute:<name>, ec2InstanceId, agentConnected, agentVersion, registeredAt,
// runningTasksCount, task:group. Operators: == equals, != not_equals, > >= < <=, exists,
// !exists not_exists, in, not_in, =~ matches, !~ not_matches.
import { InvalidParameterException } from "../generated/errors.js";
import type { ContainerInstance } from "../generated/types.js";

export type Node =
  | { kind: "and" | "or"; left: Node; right: Node }
  | { kind: "not"; operand: Node }
  | { kind: "cmp"; subject: string; op: Op; args: string[] };

type Op = "==" | "!=" | ">" | ">=" | "<" | "<=" | "exists" | "not_exists" | "in" | "not_in" | "matches" | "not_matches";

const OP_WORDS: Record<string, Op> = {
  "==": "==", equals: "==", "!=": "!=", not_equals: "!=", ">": ">", ">=": ">=", "<": "<", "<=": "<=",
  exists: "exists", not_exists: "not_exists", in: "in", not_in: "not_in",
  "=~": "matches", matches: "matches", "!~": "not_matches", not_matches: "not_matches",
};

/** What an expression may know besides the instance: the groups of the tasks on it, for task:group. */
export interface QueryContext {
  taskGroups?: string[];
}

function invalid(expression: string): never {
  throw new InvalidParameterException(`Invalid cluster query expression: ${expression}`);
}

function tokenize(expression: string): string[] {
  const tokens: string[] = [];
  const re = /\s*(?:("[^"]*"|'[^']*')|(==|!=|>=|<=|=~|!~|&&|\|\||[()[\],!<>])|([^\s()[\],!<>=]+))/y;
  let at = 0;
  while (at < expression.length) {
    if (/^\s*$/.test(expression.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(expression);
    if (!m) invalid(expression);
    tokens.push(m[1] ?? m[2] ?? m[3]);
    at = re.lastIndex;
  }
  return tokens;
}

const unquote = (v: string): string => (/^(".*"|'.*')$/.test(v) ? v.slice(1, -1) : v);

/** Parses an expression, refusing one that is not in the language with InvalidParameterException. */
export function parseExpression(expression: string): Node {
  const tokens = tokenize(expression);
  let i = 0;
  const peek = () => tokens[i];
  const take = () => tokens[i++] ?? invalid(expression);
  const isWord = (t: string | undefined, ...words: string[]) => t !== undefined && words.includes(t.toLowerCase());

  const value = (): string => {
    const t = take();
    if (["(", ")", "[", "]", ","].includes(t)) invalid(expression);
    return unquote(t);
  };

  const comparison = (): Node => {
    const subject = take();
    if (!/^[A-Za-z]/.test(subject) || isWord(subject, "and", "or", "not")) invalid(expression);
    let word = take();
    if (word === "!" && isWord(peek(), "exists")) word = `!${take()}`;
    const op: Op | undefined = word === "!exists" ? "not_exists" : OP_WORDS[word.toLowerCase()];
    if (!op) invalid(expression);
    if (op === "exists" || op === "not_exists") return { kind: "cmp", subject, op, args: [] };
    if (op === "in" || op === "not_in") {
      if (take() !== "[") invalid(expression);
      const args = [value()];
      while (peek() === ",") {
        take();
        args.push(value());
      }
      if (take() !== "]") invalid(expression);
      return { kind: "cmp", subject, op, args };
    }
    return { kind: "cmp", subject, op, args: [value()] };
  };

  const factor = (): Node => {
    const t = peek();
    if (t === "!" || isWord(t, "not")) {
      take();
      return { kind: "not", operand: factor() };
    }
    if (t === "(") {
      take();
      const inner = expr();
      if (take() !== ")") invalid(expression);
      return inner;
    }
    return comparison();
  };

  const term = (): Node => {
    let left = factor();
    while (peek() === "&&" || isWord(peek(), "and")) {
      take();
      left = { kind: "and", left, right: factor() };
    }
    return left;
  };

  const expr = (): Node => {
    let left = term();
    while (peek() === "||" || isWord(peek(), "or")) {
      take();
      left = { kind: "or", left, right: term() };
    }
    return left;
  };

  if (tokens.length === 0) invalid(expression);
  const tree = expr();
  if (i !== tokens.length) invalid(expression);
  checkPatterns(tree, expression);
  return tree;
}

function checkPatterns(node: Node, expression: string): void {
  if (node.kind === "not") return checkPatterns(node.operand, expression);
  if (node.kind !== "cmp") {
    checkPatterns(node.left, expression);
    checkPatterns(node.right, expression);
  } else if (node.op === "matches" || node.op === "not_matches") {
    try {
      new RegExp(node.args[0]);
    } catch {
      invalid(expression);
    }
  }
}

/** The values a subject has on an instance: none when it is absent, several for task:group. */
function subjectValues(subject: string, ci: ContainerInstance, ctx: QueryContext): string[] {
  const s = subject.toLowerCase();
  if (s.startsWith("attribute:")) {
    const a = ci.attributes?.find((x) => x.name === subject.slice("attribute:".length));
    return a ? [a.value ?? ""] : [];
  }
  if (s === "ec2instanceid") return ci.ec2InstanceId ? [ci.ec2InstanceId] : [];
  if (s === "agentconnected") return [String(ci.agentConnected ?? false)];
  if (s === "agentversion") return ci.versionInfo?.agentVersion ? [ci.versionInfo.agentVersion] : [];
  if (s === "registeredat") return ci.registeredAt !== undefined ? [String(ci.registeredAt)] : [];
  if (s === "runningtaskscount") return [String(ci.runningTasksCount ?? 0)];
  if (s === "task:group") return ctx.taskGroups ?? [];
  return [];
}

/** Orders two values: as numbers when both are, as dates for registeredAt, else as text. */
function order(subject: string, actual: string, wanted: string): number {
  let w = Number(wanted);
  if (subject.toLowerCase() === "registeredat" && Number.isNaN(w)) w = Date.parse(wanted) / 1000;
  const a = Number(actual);
  if (!Number.isNaN(a) && !Number.isNaN(w)) return a - w;
  return actual < wanted ? -1 : actual > wanted ? 1 : 0;
}

function compare(node: Extract<Node, { kind: "cmp" }>, ci: ContainerInstance, ctx: QueryContext): boolean {
  const values = subjectValues(node.subject, ci, ctx);
  const [arg] = node.args;
  const any = (p: (v: string) => boolean) => values.some(p);
  switch (node.op) {
    case "exists":
      return values.length > 0;
    case "not_exists":
      return values.length === 0;
    case "==":
      return any((v) => v === arg);
    case "!=":
      return !any((v) => v === arg);
    case "in":
      return any((v) => node.args.includes(v));
    case "not_in":
      return !any((v) => node.args.includes(v));
    case "matches":
      return any((v) => new RegExp(`^(?:${arg})$`).test(v));
    case "not_matches":
      return !any((v) => new RegExp(`^(?:${arg})$`).test(v));
    case ">":
      return any((v) => order(node.subject, v, arg) > 0);
    case ">=":
      return any((v) => order(node.subject, v, arg) >= 0);
    case "<":
      return any((v) => order(node.subject, v, arg) < 0);
    case "<=":
      return any((v) => order(node.subject, v, arg) <= 0);
  }
}

export function evaluate(node: Node, ci: ContainerInstance, ctx: QueryContext = {}): boolean {
  switch (node.kind) {
    case "and":
      return evaluate(node.left, ci, ctx) && evaluate(node.right, ci, ctx);
    case "or":
      return evaluate(node.left, ci, ctx) || evaluate(node.right, ci, ctx);
    case "not":
      return !evaluate(node.operand, ci, ctx);
    case "cmp":
      return compare(node, ci, ctx);
  }
}

const cache = new Map<string, Node>();

/**
 * Whether an instance satisfies an expression. runningTasksCount is read from the instance as given,
 * so pass a described instance when the expression uses it.
 */
export function matchesExpression(expression: string, instance: ContainerInstance, ctx: QueryContext = {}): boolean {
  let tree = cache.get(expression);
  if (!tree) {
    tree = parseExpression(expression);
    if (cache.size > 500) cache.clear();
    cache.set(expression, tree);
  }
  return evaluate(tree, instance, ctx);
}

// A template body read as JSON or YAML. YAML's short forms (!Ref, !GetAtt a.b, !Sub …) become the
// long forms JSON writes ({"Ref": …}, {"Fn::GetAtt": [a, b]}), so everything after reads one shape.
import YAML, { isMap, isScalar, isSeq, type Node } from "yaml";
import { formatError } from "./errors.js";

/** The largest TemplateBody CloudFormation accepts (its model's documentation of TemplateBody). */
export const MAX_BODY_BYTES = 51_200;

const SHORT = new Set(["Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "If", "Equals", "And", "Or", "Not", "Length", "ToJsonString"]);

export function parseBody(body: string): Record<string, unknown> {
  const trimmed = body.trimStart();
  if (trimmed.startsWith("{")) {
    try {
      const value = JSON.parse(body) as unknown;
      if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch (e) {
      const at = /position (\d+)/.exec((e as Error).message);
      throw formatError(`JSON not well-formed. ${at ? lineColumn(body, Number(at[1])) : ""}`.trim());
    }
  }
  const doc = YAML.parseDocument(body, { uniqueKeys: true, prettyErrors: false, version: "1.2" });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw formatError(`YAML not well-formed. ${lineColumn(body, e.pos[0])}`);
  }
  const value = doc.contents ? convert(doc.contents as Node) : undefined;
  if (!value || typeof value !== "object" || Array.isArray(value)) throw formatError("not a valid YAML mapping");
  return value as Record<string, unknown>;
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `(line ${before.length}, column ${before[before.length - 1].length + 1})`;
}

function convert(node: Node | null): unknown {
  if (node === null) return null;
  const plain = isMap(node)
    ? Object.fromEntries(node.items.map((p) => [String(convert(p.key as Node)), convert(p.value as Node)]))
    : isSeq(node)
      ? node.items.map((n) => convert(n as Node))
      : isScalar(node)
        ? scalar(node.value, node.source)
        : null;
  const tag = node.tag;
  if (!tag || !tag.startsWith("!") || tag.startsWith("!!")) return plain;
  return shortForm(tag.slice(1), plain);
}

/** Numbers keep their text where YAML would change it (1.0, 012): CloudFormation passes the text on. */
function scalar(value: unknown, source: string | undefined): unknown {
  if (typeof value === "number" && source !== undefined && String(value) !== source) return source;
  return value;
}

function shortForm(name: string, value: unknown): unknown {
  if (name === "Ref") return { Ref: value };
  if (name === "Condition") return { Condition: value };
  if (name === "GetAtt" && typeof value === "string") {
    const dot = value.indexOf(".");
    return { "Fn::GetAtt": dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  if (SHORT.has(name)) return { [`Fn::${name}`]: value };
  throw formatError(`Unsupported YAML tag !${name}`);
}

// The query protocols' XML writer (compiled from the output schemas) against the xml2js Builder it
// replaced: for every output shape of every query and EC2 service, values generated from the shape
// (seeded) must come out byte for byte as xml2js wrote them from the object tree the protocol used
// to build. Errors too. The reference below is the old code, kept here as the oracle.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Builder } from "xml2js";
import { describe, expect, it } from "vitest";
import { resolveRef } from "../../src/protocol/form.js";
import { schemaFor } from "../../src/protocol/validate.js";
import { ec2Error, ec2Response, queryError, queryResponse } from "../../src/protocol/xml.js";
import { SCHEMAS_DIR } from "../../src/paths.js";
import { prng, seedOf } from "../helpers/fuzz.js";

type Json = Record<string, any>;

const reference = new Builder({ xmldec: { version: "1.0", encoding: "UTF-8" }, renderOpts: { pretty: false }, headless: false, allowSurrogateChars: true });
const NOT_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const xmlText = (s: string): string => s.replace(NOT_XML, "\uFFFD");

function toXml(value: unknown, def: Json, schema: Json): unknown {
  def = resolveRef(schema, def);
  if (def.type === "array") {
    const items = (value as unknown[]).map((v) => toXml(v, def.items, schema));
    if (def.aws?.flat) return items;
    return items.length ? { [def.aws?.item ?? "member"]: items } : "";
  }
  if (def.type === "object" && def.properties) {
    const names: Record<string, string> = def.aws?.names ?? {};
    const out: Json = {};
    for (const member of Object.keys(def.properties)) {
      const v = (value as Json)[member];
      if (v === undefined || v === null) continue;
      out[names[member] ?? member] = toXml(v, def.properties[member], schema);
    }
    return out;
  }
  if (def.type === "object") {
    const aws = def.aws ?? { entry: "entry", key: "key", value: "value" };
    const entries = Object.entries(value as Json).map(([k, v]) => ({ [aws.key]: k, [aws.value]: toXml(v, def.additionalProperties, schema) }));
    return aws.entry ? { [aws.entry]: entries } : entries;
  }
  if (def.aws?.timestamp) return new Date(Number(value) * 1000).toISOString();
  return xmlText(String(value));
}

const structureBody = (output: unknown, schema: Json): Json => (resolveRef(schema, schema).properties ? (toXml(output ?? {}, schema, schema) as Json) : {});

function oldQueryResponse(operation: string, output: unknown, schema: Json, xmlns: string, requestId: string): string {
  const body = structureBody(output, schema);
  const wrapper: string | undefined = schema.aws?.resultWrapper;
  const inner: Json = { $: { xmlns } };
  if (wrapper) inner[wrapper] = Object.keys(body).length ? body : "";
  inner.ResponseMetadata = { RequestId: requestId };
  return reference.buildObject({ [`${operation}Response`]: inner });
}

function oldEc2Response(operation: string, output: unknown, schema: Json, xmlns: string, requestId: string): string {
  const body = structureBody(output, schema);
  const members = resolveRef(schema, schema).properties;
  const inner: Json = { $: { xmlns }, requestId, ...body };
  if (!members || Object.keys(members).length === 0) inner.return = "true";
  return reference.buildObject({ [`${operation}Response`]: inner });
}

const TEXTS = ["web", "", "a & b <c> \"d\" 'e'", "line\r\nnext\ttab", "lab 😀 ü", "]]> &amp;", "bell\u0007 \uFFFE \uD800 lone"];
// Map keys were never passed through the XML-character filter (xml2js refused such keys): none here.
const KEYS = ["Name", "", "a&b", "k<1>", "ü 😀"];

/** A value of the shape, seeded: optional members, list lengths and texts vary. */
function sample(def: Json, schema: Json, rand: () => number, depth: number): unknown {
  def = resolveRef(schema, def);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  if (def.type === "array") {
    const n = depth > 4 ? 0 : pick([0, 1, 2, 3]);
    return Array.from({ length: n }, () => sample(def.items, schema, rand, depth + 1));
  }
  if (def.type === "object" && def.properties) {
    const out: Json = {};
    for (const m of Object.keys(def.properties)) {
      const r = rand();
      if (depth > 5 || r < 0.25) continue;
      out[m] = r < 0.3 ? null : sample(def.properties[m], schema, rand, depth + 1);
    }
    return out;
  }
  if (def.type === "object") {
    const out: Json = {};
    const n = depth > 4 ? 0 : pick([0, 1, 2]);
    for (let i = 0; i < n; i++) out[`${pick(KEYS)}${i}`] = sample(def.additionalProperties ?? {}, schema, rand, depth + 1);
    return out;
  }
  if (def.aws?.timestamp) return pick([1767225600, 1767225600.5, 1767225600.123]);
  if (def.type === "integer") return pick([0, 1, -5, 65535]);
  if (def.type === "number") return pick([0, 1.5, 1e21]);
  if (def.type === "boolean") return pick([true, false]);
  return def.enum ? pick(def.enum) : pick(TEXTS);
}

const QUERY_SERVICES: Record<string, { protocol: "query" | "ec2"; xmlns: string }> = {
  ec2: { protocol: "ec2", xmlns: "http://ec2.amazonaws.com/doc/2016-11-15/" },
  sts: { protocol: "query", xmlns: "https://sts.amazonaws.com/doc/2011-06-15/" },
  elbv2: { protocol: "query", xmlns: "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/" },
  iam: { protocol: "query", xmlns: "https://iam.amazonaws.com/doc/2010-05-08/" },
  autoscaling: { protocol: "query", xmlns: "http://autoscaling.amazonaws.com/doc/2011-01-01/" },
  cloudformation: { protocol: "query", xmlns: "http://cloudformation.amazonaws.com/doc/2010-05-15/" },
};

describe("the compiled XML writer writes what xml2js wrote", () => {
  for (const [service, { protocol, xmlns }] of Object.entries(QUERY_SERVICES)) {
    it(`for every output shape of ${service}`, () => {
      const operations = readdirSync(join(SCHEMAS_DIR, service))
        .filter((f) => f.endsWith(".output.json"))
        .map((f) => f.slice(0, -".output.json".length));
      expect(operations.length).toBeGreaterThan(5);
      let compared = 0;
      for (const op of operations) {
        const schema = schemaFor(service, op, "output");
        const rand = prng(seedOf(`${service}/${op}`));
        for (let i = 0; i < 6; i++) {
          const output = i === 0 ? {} : sample(schema, schema, rand, 0);
          const requestId = `req-${i} & <id>`;
          const [ours, theirs] =
            protocol === "ec2"
              ? [ec2Response(op, output, schema, xmlns, requestId), oldEc2Response(op, output, schema, xmlns, requestId)]
              : [queryResponse(op, output, schema, xmlns, requestId), oldQueryResponse(op, output, schema, xmlns, requestId)];
          expect(ours, `${service} ${op} sample ${i}: ${JSON.stringify(output)}`).toBe(theirs);
          compared++;
        }
      }
      expect(compared).toBe(operations.length * 6);
    });
  }

  it("for the flattened lists and maps no query service's output has yet", () => {
    const schema: Json = {
      $ref: "#/definitions/Out",
      aws: { resultWrapper: "OpResult" },
      definitions: {
        Out: {
          type: "object",
          properties: { Names: { $ref: "#/definitions/Names" }, Items: { $ref: "#/definitions/Items" }, Attrs: { $ref: "#/definitions/Attrs" }, Wrapped: { $ref: "#/definitions/Wrapped" }, Nested: { $ref: "#/definitions/Out" } },
          aws: { names: { Names: "Name", Items: "item", Attrs: "Attr" } },
        },
        Names: { type: "array", items: { type: "string" }, aws: { flat: true } },
        Items: { type: "array", items: { $ref: "#/definitions/Pair" }, aws: { flat: true } },
        Pair: { type: "object", properties: { K: { type: "string" }, V: { type: "integer" } } },
        Attrs: { type: "object", additionalProperties: { type: "string" }, aws: { key: "Name", value: "Value" } },
        Wrapped: { type: "object", additionalProperties: { $ref: "#/definitions/Names" }, aws: { entry: "entry", key: "key", value: "value" } },
      },
    };
    const rand = prng(seedOf("synthetic"));
    for (let i = 0; i < 40; i++) {
      const output = sample(schema, schema, rand, 0);
      expect(queryResponse("Op", output, schema, "urn:x", "r"), JSON.stringify(output)).toBe(oldQueryResponse("Op", output, schema, "urn:x", "r"));
    }
    const full = { Names: ["a", "", "b&c"], Items: [{ K: "k", V: 1 }, {}], Attrs: { x: "1", y: "" }, Wrapped: { w: ["p", "q"], e: [] } };
    expect(queryResponse("Op", full, schema, "urn:x", "r")).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><OpResponse xmlns="urn:x"><OpResult><Name>a</Name><Name/><Name>b&amp;c</Name><item><K>k</K><V>1</V></item><item/>' +
        "<Attr><Name>x</Name><Value>1</Value></Attr><Attr><Name>y</Name><Value/></Attr><Wrapped><entry><key>w</key><value>p</value><value>q</value></entry><entry><key>e</key></entry></Wrapped>" +
        "</OpResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></OpResponse>",
    );
    expect(queryResponse("Op", full, schema, "urn:x", "r")).toBe(oldQueryResponse("Op", full, schema, "urn:x", "r"));
  });

  it("for both error envelopes", () => {
    for (const message of TEXTS) {
      for (const status of [400, 500]) {
        for (const xmlns of [undefined, "https://iam.amazonaws.com/doc/2010-05-08/"]) {
          const root: Json = { Error: { Type: status >= 500 ? "Receiver" : "Sender", Code: "Throttling", Message: xmlText(message) }, RequestId: "r-1" };
          if (xmlns) root.$ = { xmlns };
          expect(queryError("Throttling", message, status, "r-1", xmlns)).toBe(reference.buildObject({ ErrorResponse: root }));
        }
      }
      expect(ec2Error("InvalidVpcID.NotFound", message, "r-2")).toBe(reference.buildObject({ Response: { Errors: { Error: { Code: "InvalidVpcID.NotFound", Message: xmlText(message) } }, RequestID: "r-2" } }));
    }
  });
});

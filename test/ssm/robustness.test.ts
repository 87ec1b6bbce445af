// No client mistake may produce a 500 or a stack trace in Parameter Store: every operation gets inputs
// built from its schema (empty, minimal, full, one member at a time made wrong) against a store with a
// parameter in it, and every answer must be a success or an error the model lists (AccessDenied too,
// which SSM answers for reserved names although the model lists it for no Parameter Store operation).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCHEMAS_DIR } from "../../src/paths.js";
import { OPERATION_ERRORS, OPERATIONS, TARGET_PREFIX } from "../../src/services/ssm/generated/operations.js";
import { InputFactory, prng, seedOf } from "../helpers/fuzz.js";
import { PROTOCOL_ERRORS, startLocal, type RawResponse, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());

const NAMED = {
  Name: "/robust/p",
  Names: ["/robust/p", "plain"],
  Path: "/robust",
  ResourceType: "Parameter",
  ResourceId: "/robust/p",
  Value: "v",
  Type: "String",
  Labels: ["stable"],
  ParameterVersion: 1,
  MaxResults: 5,
};
const ARNS = ["arn:aws:ssm:us-east-1:000000000000:parameter/robust/p", "arn:aws:ecs:us-east-1:000000000000:cluster/c"];
const STACK = /\n\s+at |\bat (?:async )?[\w.$<>]+ \((?:file:|node:|\/)|TypeError|ReferenceError|Cannot read propert/;

function problem(op: string, res: RawResponse, input: string): string | undefined {
  if (STACK.test(res.text)) return `stack trace or JS error in the body (${res.status})`;
  if (res.status === 200) return undefined;
  if (res.status !== 400) return `status ${res.status}`;
  const b = res.body;
  if (!b || typeof b.__type !== "string" || typeof b.message !== "string") return "error body is not {__type, message}";
  if (![...OPERATION_ERRORS[op as keyof typeof OPERATION_ERRORS], ...PROTOCOL_ERRORS, "AccessDeniedException"].includes(b.__type)) return `${b.__type} is not listed for ${op}`;
  // A value the input itself holds may be quoted back; one it does not hold is ours.
  const leak = /undefined|\[object Object\]|NaN/.exec(b.message);
  if (leak && !input.includes(leak[0])) return "message leaks an internal value";
  return undefined;
}

describe("every Parameter Store operation answers every malformed input with a listed error", () => {
  for (const op of OPERATIONS) {
    it(op, async () => {
      t.local.reset();
      const seed = async (body: unknown) => t.raw(`${TARGET_PREFIX}.PutParameter`, JSON.stringify(body));
      await seed({ Name: "/robust/p", Value: "v", Type: "SecureString", Tags: [{ Key: "k", Value: "v" }] });
      await seed({ Name: "plain", Value: "a,b", Type: "StringList" });
      const f = new InputFactory(`${SCHEMAS_DIR}/ssm`, op, NAMED, ARNS, prng(seedOf(op)));
      const minimal = f.minimal();
      const full = f.full();
      const variants = [{ label: "{}", input: {} }, ...f.topLevel(minimal), ...f.nested(full, 40), ...f.topLevel(full), { label: "full", input: full }, { label: "minimal", input: minimal }];
      const failures: string[] = [];
      for (const v of variants) {
        const res = await t.raw(`${TARGET_PREFIX}.${op}`, JSON.stringify(v.input));
        t.advance(3_000);
        const why = problem(op, res, JSON.stringify(v.input));
        if (why) failures.push(`${v.label}: ${why}\n    input ${JSON.stringify(v.input).slice(0, 300)}\n    answer ${res.text.slice(0, 300)}`);
      }
      const after = await t.raw(`${TARGET_PREFIX}.DescribeParameters`, JSON.stringify({ MaxResults: 50 }));
      if (after.status !== 200) failures.push(`DescribeParameters after the variants: ${after.text.slice(0, 300)}`);
      expect(failures, failures.join("\n")).toEqual([]);
    }, 60_000);
  }
});

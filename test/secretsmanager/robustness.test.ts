// No client mistake may produce a 500: every Secrets Manager operation gets inputs built from its
// schema (empty, minimal, full, one member made wrong at a time) against secrets that exist, and
// every answer must be a success or an error the model lists (or, for RotateSecret, the
// AccessDeniedException AWS answers for a rotation function it cannot invoke).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCHEMAS_DIR } from "../../src/paths.js";
import { OPERATION_ERRORS, OPERATIONS, TARGET_PREFIX, type Operation } from "../../src/services/secretsmanager/generated/operations.js";
import { InputFactory, prng, seedOf, type Variant } from "../helpers/fuzz.js";
import { jsonCalls } from "../helpers/json.js";
import { PROTOCOL_ERRORS, startLocal, type RawResponse, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
beforeAll(async () => (t = await startLocal({ seed: "robust" })));
afterAll(() => t.close());

const EXTRA_ERRORS: Partial<Record<Operation, string[]>> = { RotateSecret: ["AccessDeniedException"] };

async function seed(): Promise<{ named: Record<string, unknown>; arns: string[] }> {
  t.local.reset();
  const sm = jsonCalls(t, "secretsmanager");
  const a = await sm.call("CreateSecret", { Name: "robust", SecretString: "v", ClientRequestToken: "00000000-0000-4000-8000-000000000001", Tags: [{ Key: "k", Value: "v" }] });
  await sm.call("PutSecretValue", { SecretId: "robust", SecretString: "w", ClientRequestToken: "00000000-0000-4000-8000-000000000002", VersionStages: ["AWSPENDING"] });
  const b = await sm.call("CreateSecret", { Name: "deleted", SecretString: "v", ClientRequestToken: "00000000-0000-4000-8000-000000000003" });
  await sm.call("DeleteSecret", { SecretId: "deleted" });
  const c = await sm.call("CreateSecret", { Name: "replicated", SecretString: "v", ClientRequestToken: "00000000-0000-4000-8000-000000000004", AddReplicaRegions: [{ Region: "eu-west-1" }] });
  const named = {
    SecretId: "robust",
    Name: "fresh",
    SecretIdList: ["robust", "deleted"],
    VersionId: a.VersionId,
    MoveToVersionId: "00000000-0000-4000-8000-000000000002",
    RemoveFromVersionId: a.VersionId,
    VersionStage: "AWSPENDING",
    ResourcePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::000000000000:root" }, Action: "secretsmanager:*", Resource: "*" }] }),
    Region: "eu-west-1",
    RemoveReplicaRegions: ["eu-west-1"],
    KmsKeyId: "alias/robust",
    resourceArn: a.ARN,
  };
  return { named, arns: [a.ARN, b.ARN, c.ARN, "arn:aws:ecs:us-east-1:000000000000:cluster/x"] };
}

function problem(op: Operation, res: RawResponse): string | undefined {
  if (res.status === 200) return undefined;
  if (res.status >= 500 || res.status < 400) return `status ${res.status}`;
  const b = res.body;
  if (!b || typeof b.__type !== "string" || typeof b.message !== "string") return "error body is not {__type, message}";
  if (res.headers.get("x-amzn-errortype") !== b.__type) return `x-amzn-ErrorType ${res.headers.get("x-amzn-errortype")} ≠ ${b.__type}`;
  if (![...OPERATION_ERRORS[op], ...PROTOCOL_ERRORS, ...(EXTRA_ERRORS[op] ?? [])].includes(b.__type)) return `${b.__type} is not listed for ${op}`;
  if (/undefined|\[object Object\]|NaN/.test(b.message)) return "message leaks an internal value";
  return undefined;
}

async function variantsFor(op: Operation): Promise<Variant[]> {
  const { named, arns } = await seed();
  const f = new InputFactory(`${SCHEMAS_DIR}/secretsmanager`, op, named, arns, prng(seedOf(op)));
  const minimal = f.minimal();
  const full = f.full();
  return [{ label: "{}", input: {} }, ...f.topLevel(minimal), ...f.nested(full, 20), ...f.topLevel(full), { label: "full", input: full }, { label: "minimal", input: minimal }];
}

describe("every Secrets Manager operation answers every malformed input with a listed error", () => {
  for (const op of OPERATIONS) {
    it(op, async () => {
      const failures: string[] = [];
      for (const v of await variantsFor(op)) {
        const res = await t.raw(`${TARGET_PREFIX}.${op}`, JSON.stringify(v.input), { Authorization: "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=0" });
        t.advance(86_400_000);
        const why = problem(op, res);
        if (why) failures.push(`${v.label}: ${why}\n    input ${JSON.stringify(v.input).slice(0, 300)}\n    answer ${res.text.slice(0, 300)}`);
      }
      // What the variants left must still describe and list within the model.
      for (const [check, input] of [
        ["ListSecrets", { IncludePlannedDeletion: true }],
        ["DescribeSecret", { SecretId: "robust" }],
        ["ListSecretVersionIds", { SecretId: "robust", IncludeDeprecated: true }],
      ] as const) {
        const res = await t.raw(`${TARGET_PREFIX}.${check}`, JSON.stringify(input));
        if (res.status >= 500) failures.push(`after the variants, ${check}: status ${res.status} ${res.text.slice(0, 300)}`);
      }
      expect(failures, failures.join("\n")).toEqual([]);
    });
  }
});

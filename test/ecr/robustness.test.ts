// No client mistake may produce a 500 or a stack trace in ECR: every operation gets inputs built from
// its schema (empty, minimal, full, one member at a time made wrong) against a registry holding a
// repository with an image, and every answer must be a success or an error the model lists.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCHEMAS_DIR } from "../../src/paths.js";
import { OPERATION_ERRORS, OPERATIONS, TARGET_PREFIX } from "../../src/services/ecr/generated/operations.js";
import { InputFactory, prng, seedOf } from "../helpers/fuzz.js";
import { PROTOCOL_ERRORS, startLocal, type RawResponse, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
beforeAll(async () => {
  t = await startLocal();
  await t.local.registry.load();
});
afterAll(() => t.close());

const sha = (text: string) => `sha256:${createHash("sha256").update(text).digest("hex")}`;
const MANIFEST = JSON.stringify({
  schemaVersion: 2,
  mediaType: "application/vnd.docker.distribution.manifest.v2+json",
  config: { mediaType: "application/vnd.docker.container.image.v1+json", size: 10, digest: sha("c") },
  layers: [{ mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip", size: 20, digest: sha("l") }],
});
const NAMED = {
  repositoryName: "robust/repo",
  imageManifest: MANIFEST,
  imageTag: "v1",
  imageDigest: sha(MANIFEST),
  imageIds: [{ imageTag: "v1" }, { imageDigest: sha(MANIFEST) }],
  imageId: { imageTag: "v1" },
  layerDigests: [sha("l")],
  resourceArn: "arn:aws:ecr:us-east-1:000000000000:repository/robust/repo",
  maxResults: 5,
};
const ARNS = ["arn:aws:ecr:us-east-1:000000000000:repository/robust/repo", "arn:aws:ecs:us-east-1:000000000000:cluster/c"];
const STACK = /\n\s+at |\bat (?:async )?[\w.$<>]+ \((?:file:|node:|\/)|TypeError|ReferenceError|Cannot read propert/;

function problem(op: string, res: RawResponse, input: string): string | undefined {
  if (STACK.test(res.text)) return `stack trace or JS error in the body (${res.status})`;
  if (res.status === 200) return undefined;
  if (res.status !== 400) return `status ${res.status}`;
  const b = res.body;
  if (!b || typeof b.__type !== "string" || typeof b.message !== "string") return "error body is not {__type, message}";
  if (![...OPERATION_ERRORS[op as keyof typeof OPERATION_ERRORS], ...PROTOCOL_ERRORS].includes(b.__type)) return `${b.__type} is not listed for ${op}`;
  const leak = /undefined|\[object Object\]|NaN/.exec(b.message);
  if (leak && !input.includes(leak[0])) return "message leaks an internal value";
  return undefined;
}

describe("every ECR operation answers every malformed input with a listed error", () => {
  for (const op of OPERATIONS) {
    it(op, async () => {
      t.local.reset();
      await t.raw(`${TARGET_PREFIX}.CreateRepository`, JSON.stringify({ repositoryName: "robust/repo" }));
      const request = { accountId: "000000000000", region: "us-east-1", requestId: "r", via: "registry" as const };
      t.local.registry.backends.client.call("ecr", "PutImage", { repositoryName: "robust/repo", imageManifest: MANIFEST, imageTag: "v1" }, request);
      const f = new InputFactory(`${SCHEMAS_DIR}/ecr`, op, NAMED, ARNS, prng(seedOf(op)));
      const minimal = f.minimal();
      const full = f.full();
      const variants = [{ label: "{}", input: {} }, ...f.topLevel(minimal), ...f.nested(full, 15), ...f.topLevel(full), { label: "full", input: full }, { label: "minimal", input: minimal }];
      const failures: string[] = [];
      for (const v of variants) {
        const res = await t.raw(`${TARGET_PREFIX}.${op}`, JSON.stringify(v.input));
        t.advance(3_000);
        const why = problem(op, res, JSON.stringify(v.input));
        if (why) failures.push(`${v.label}: ${why}\n    input ${JSON.stringify(v.input).slice(0, 300)}\n    answer ${res.text.slice(0, 300)}`);
      }
      expect(failures, failures.join("\n")).toEqual([]);
    }, 60_000);
  }
});

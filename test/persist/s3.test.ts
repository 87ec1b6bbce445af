// --state-dir and S3: a journaled PutObject records a reference to its bytes, which are kept as a
// file named by their SHA-256 in the state directory; a restart replays the journal and finds them.
// ECR's repositories and policies come back too.
import { CreateRepositoryCommand, DescribeRepositoriesCommand, ECRClient, GetLifecyclePolicyCommand, PutLifecyclePolicyCommand } from "@aws-sdk/client-ecr";
import { CreateBucketCommand, GetObjectCommand, ListObjectVersionsCommand, PutBucketVersioningCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { existsSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { startServer, type EcsLocalServer } from "../../src/index.js";
import { s3Client } from "../helpers/s3.js";
import { tempDir } from "../helpers/tempDir.js";

const running: EcsLocalServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function start(stateDir: string): Promise<EcsLocalServer> {
  const s = await startServer({ logLevel: "silent", validateOutput: true, stateDir });
  running.push(s);
  return s;
}

it("keeps buckets, versions and object bytes, and ECR repositories, across a restart", async () => {
  const dir = tempDir("ecs-local-s3-");
  const a = await start(dir);
  let s3 = s3Client({ url: a.endpoint });
  await s3.send(new CreateBucketCommand({ Bucket: "kept-bucket" }));
  await s3.send(new PutBucketVersioningCommand({ Bucket: "kept-bucket", VersioningConfiguration: { Status: "Enabled" } }));
  const v1 = (await s3.send(new PutObjectCommand({ Bucket: "kept-bucket", Key: "template.json", Body: '{"Resources":{}}' }))).VersionId;
  const v2 = (await s3.send(new PutObjectCommand({ Bucket: "kept-bucket", Key: "template.json", Body: '{"Resources":{"A":{}}}' }))).VersionId;
  const ecr = new ECRClient({ endpoint: a.endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
  const repo = (await ecr.send(new CreateRepositoryCommand({ repositoryName: "kept/web", imageTagMutability: "IMMUTABLE" }))).repository!;
  const lifecycle = JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 5 }, action: { type: "expire" } }] });
  await ecr.send(new PutLifecyclePolicyCommand({ repositoryName: "kept/web", lifecyclePolicyText: lifecycle }));
  const digest = createHash("sha256").update('{"Resources":{"A":{}}}').digest("hex");
  expect(existsSync(join(dir, "s3-objects", digest.slice(0, 2), digest))).toBe(true);
  expect(readdirSync(join(dir, "s3-objects")).length).toBe(2);
  running.splice(0, 1);
  await a.stop();

  const b = await start(dir);
  s3 = s3Client({ url: b.endpoint });
  expect(await (await s3.send(new GetObjectCommand({ Bucket: "kept-bucket", Key: "template.json" }))).Body!.transformToString()).toBe('{"Resources":{"A":{}}}');
  expect(await (await s3.send(new GetObjectCommand({ Bucket: "kept-bucket", Key: "template.json", VersionId: v1 }))).Body!.transformToString()).toBe('{"Resources":{}}');
  expect((await s3.send(new ListObjectVersionsCommand({ Bucket: "kept-bucket" }))).Versions!.map((v) => v.VersionId)).toEqual([v2, v1]);
  const ecrAfter = new ECRClient({ endpoint: b.endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
  // The repository's URI names the port the server listens on (a docker push goes there), which the restart changed.
  const port = (url: string): string => `:${new URL(url).port}/`;
  expect((await ecrAfter.send(new DescribeRepositoriesCommand({}))).repositories).toEqual([{ ...repo, repositoryUri: repo.repositoryUri!.replace(port(a.endpoint), port(b.endpoint)) }]);
  expect((await ecrAfter.send(new GetLifecyclePolicyCommand({ repositoryName: "kept/web" }))).lifecyclePolicyText).toBe(lifecycle);
  const v3 = (await s3.send(new PutObjectCommand({ Bucket: "kept-bucket", Key: "template.json", Body: "{}" }))).VersionId;
  expect([v1, v2]).not.toContain(v3);
}, 60_000);

// ECR's registry under /v2/ with the reference registry (Debian's docker-registry) behind it, spoken
// to as Docker speaks the Registry HTTP API v2: ECR's Basic challenge and passwords, pushes recorded
// as ECR images (the digest the registry computed), pulls of the bytes pushed, ECR's refusals in the
// registry's error form, accounts kept apart, and images that outlive a restart with a state
// directory. Skipped, with the reason, without the docker-registry binary.
import { execFileSync, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { stateDirServers } from "../helpers/stateDir.js";
import { tempDir } from "../helpers/tempDir.js";

const why = (() => {
  try {
    execFileSync("docker-registry", ["--version"], { stdio: "ignore" });
    return undefined;
  } catch {
    return "no docker-registry on PATH (apt-get install docker-registry)";
  }
})();
if (why) console.warn(`SKIPPED the ECR registry suite: ${why}`);

const ACCOUNT = "000000000000";
const OTHER = "111111111111";
const V2 = "application/vnd.docker.distribution.manifest.v2+json";
const digestOf = (b: Buffer | string) => `sha256:${createHash("sha256").update(b).digest("hex")}`;

let t: TestLocal;
let ecr: JsonCalls;
let base: string;

/** `Authorization: Basic …` as `docker login` stores it, from a GetAuthorizationToken of `account`. */
async function login(account = ACCOUNT): Promise<string> {
  const { authorizationData } = await ecr.call("GetAuthorizationToken", {}, { accountId: account });
  return `Basic ${authorizationData[0].authorizationToken}`;
}

/** A monolithic blob upload (POST, then PUT with the digest), as a registry client does it. */
async function upload(auth: string, repo: string, data: Buffer): Promise<{ digest: string; size: number }> {
  const digest = digestOf(data);
  const started = await fetch(`${base}/v2/${repo}/blobs/uploads/`, { method: "POST", headers: { Authorization: auth } });
  expect(started.status).toBe(202);
  const done = await fetch(`${started.headers.get("location")}&digest=${digest}`, { method: "PUT", headers: { Authorization: auth, "Content-Type": "application/octet-stream" }, body: new Uint8Array(data) });
  expect([done.status, done.headers.get("location")]).toEqual([201, `${base}/v2/${repo}/blobs/${digest}`]);
  return { digest, size: data.length };
}

async function pushImage(auth: string, repo: string, tag: string, layerText: string): Promise<{ manifest: string; status: number; body: string; digest: string | null }> {
  const config = await upload(auth, repo, Buffer.from(JSON.stringify({ architecture: "amd64", os: "linux", rootfs: { type: "layers", diff_ids: [] } })));
  const layer = await upload(auth, repo, Buffer.from(layerText));
  const manifest = JSON.stringify({ schemaVersion: 2, mediaType: V2, config: { mediaType: "application/vnd.docker.container.image.v1+json", ...config }, layers: [{ mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip", ...layer }] });
  const res = await fetch(`${base}/v2/${repo}/manifests/${tag}`, { method: "PUT", headers: { Authorization: auth, "Content-Type": V2 }, body: manifest });
  return { manifest, status: res.status, body: await res.text(), digest: res.headers.get("docker-content-digest") };
}

describe.skipIf(!!why)("the registry behind ECR", () => {
  beforeAll(async () => {
    t = await startLocal();
    ecr = jsonCalls(t, "ecr");
    base = `http://localhost:${new URL(t.url).port}`;
  });
  afterAll(() => t?.close());
  beforeEach(() => t.local.reset());

  it("challenges as ECR does, takes the password GetAuthorizationToken gave, and refuses it once expired", async () => {
    const bare = await fetch(`${base}/v2/`);
    expect([bare.status, bare.headers.get("www-authenticate"), bare.headers.get("docker-distribution-api-version"), await bare.text()]).toEqual([
      401,
      `Basic realm="${base}/",service="ecr.amazonaws.com"`,
      "registry/2.0",
      "Not Authorized\n",
    ]);
    const wrong = await fetch(`${base}/v2/`, { headers: { Authorization: `Basic ${Buffer.from("AWS:guess").toString("base64")}` } });
    expect(wrong.status).toBe(401);
    const auth = await login();
    const ok = await fetch(`${base}/v2/`, { headers: { Authorization: auth } });
    expect([ok.status, await ok.json()]).toEqual([200, {}]);
    t.advance(12 * 3600_000);
    const late = await fetch(`${base}/v2/`, { headers: { Authorization: auth } });
    expect([late.status, await late.json()]).toEqual([403, { errors: [{ code: "DENIED", message: "Your authorization token has expired. Reauthenticate and try again.", detail: null }] }]);
  });

  it("records a push as an ECR image with the registry's digest, and serves back the bytes pushed", async () => {
    await ecr.call("CreateRepository", { repositoryName: "team/web" });
    const auth = await login();
    const pushed = await pushImage(auth, "team/web", "v1", "layer one");
    expect([pushed.status, pushed.digest]).toEqual([201, digestOf(pushed.manifest)]);
    const { imageDetails } = await ecr.call("DescribeImages", { repositoryName: "team/web" });
    expect(imageDetails).toMatchObject([{ imageDigest: pushed.digest, imageTags: ["v1"], imageSizeInBytes: "layer one".length, imageManifestMediaType: V2 }]);
    const got = await fetch(`${base}/v2/team/web/manifests/v1`, { headers: { Authorization: auth, Accept: V2 } });
    expect([got.status, got.headers.get("content-type"), got.headers.get("docker-content-digest"), await got.text()]).toEqual([200, V2, pushed.digest, pushed.manifest]);
    const layer = JSON.parse(pushed.manifest).layers[0].digest;
    expect(await (await fetch(`${base}/v2/team/web/blobs/${layer}`, { headers: { Authorization: auth } })).text()).toBe("layer one");
    expect(await (await fetch(`${base}/v2/team/web/tags/list`, { headers: { Authorization: auth } })).json()).toEqual({ name: "team/web", tags: ["v1"] });
    expect(await (await fetch(`${base}/v2/_catalog`, { headers: { Authorization: auth } })).json()).toEqual({ repositories: ["team/web"] });
    // Deleted through ECR, the image is gone from the registry's answers too.
    await ecr.call("BatchDeleteImage", { repositoryName: "team/web", imageIds: [{ imageTag: "v1" }] });
    const gone = await fetch(`${base}/v2/team/web/manifests/v1`, { headers: { Authorization: auth } });
    expect([gone.status, await gone.json()]).toEqual([404, { errors: [{ code: "MANIFEST_UNKNOWN", message: "Requested image not found", detail: null }] }]);
  });

  it("refuses a repository ECR does not know, a manifest naming a blob never pushed, and an immutable tag pushed again, in ECR's words", async () => {
    const auth = await login();
    const missing = await fetch(`${base}/v2/nope/blobs/uploads/`, { method: "POST", headers: { Authorization: auth } });
    expect([missing.status, await missing.json()]).toEqual([404, { errors: [{ code: "NAME_UNKNOWN", message: `The repository with name 'nope' does not exist in the registry with id '${ACCOUNT}'`, detail: null }] }]);
    await ecr.call("CreateRepository", { repositoryName: "fixed", imageTagMutability: "IMMUTABLE" });
    const orphan = JSON.stringify({ schemaVersion: 2, mediaType: V2, config: { mediaType: "application/vnd.docker.container.image.v1+json", size: 2, digest: digestOf("{}") }, layers: [] });
    const refused = await fetch(`${base}/v2/fixed/manifests/v0`, { method: "PUT", headers: { Authorization: auth, "Content-Type": V2 }, body: orphan });
    expect([refused.status, (await refused.json()).errors[0].code]).toEqual([400, "MANIFEST_BLOB_UNKNOWN"]);
    expect((await ecr.call("ListImages", { repositoryName: "fixed" })).imageIds).toEqual([]);
    expect((await pushImage(auth, "fixed", "v1", "first")).status).toBe(201);
    const again = await pushImage(auth, "fixed", "v1", "first");
    expect([again.status, JSON.parse(again.body)]).toEqual([
      400,
      { errors: [{ code: "TAG_INVALID", message: "The image tag 'v1' already exists in the 'fixed' repository and cannot be overwritten because the repository is immutable.", detail: null }] },
    ]);
    // A mutable repository takes the same push again, and a new image under the tag.
    await ecr.call("CreateRepository", { repositoryName: "free" });
    for (const layer of ["a", "a", "b"]) expect((await pushImage(auth, "free", "latest", layer)).status).toBe(201);
    expect((await ecr.call("ListImages", { repositoryName: "free" })).imageIds.map((i: { imageTag?: string }) => i.imageTag ?? "untagged")).toEqual(["untagged", "latest"]);
  });

  it("keeps each account's registry apart: a password opens its own account's repositories", async () => {
    await ecr.call("CreateRepository", { repositoryName: "shared-name" });
    await ecr.call("CreateRepository", { repositoryName: "shared-name" }, { accountId: OTHER });
    const mine = await pushImage(await login(), "shared-name", "v1", "mine");
    const theirs = await pushImage(await login(OTHER), "shared-name", "v1", "theirs");
    expect(mine.digest).not.toBe(theirs.digest);
    expect((await ecr.call("DescribeImages", { repositoryName: "shared-name" }, { accountId: OTHER })).imageDetails.map((d: { imageDigest: string }) => d.imageDigest)).toEqual([theirs.digest]);
    await ecr.call("CreateRepository", { repositoryName: "only-mine" });
    const denied = await fetch(`${base}/v2/only-mine/manifests/v1`, { headers: { Authorization: await login(OTHER) } });
    expect((await denied.json()).errors[0].message).toBe(`The repository with name 'only-mine' does not exist in the registry with id '${OTHER}'`);
  });
});

describe.skipIf(!!why)("the registry with a state directory", () => {
  const servers = stateDirServers();

  it("keeps pushed images, their layers and the passwords given across a restart", async () => {
    const dir = tempDir("ecs-local-ecr-");
    const call = async (url: string, op: string, input: object) =>
      (
        await fetch(`${url}/`, {
          method: "POST",
          headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": `AmazonEC2ContainerRegistry_V20150921.${op}`, Authorization: "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/ecr/aws4_request, SignedHeaders=host, Signature=0" },
          body: JSON.stringify(input),
        })
      ).json();
    let s = await servers.start(dir);
    base = `http://localhost:${s.port}`;
    await call(s.endpoint, "CreateRepository", { repositoryName: "kept" });
    const auth = `Basic ${(await call(s.endpoint, "GetAuthorizationToken", {})).authorizationData[0].authorizationToken}`;
    const pushed = await pushImage(auth, "kept", "v1", "kept layer");
    expect(pushed.status).toBe(201);
    await s.stop();
    s = await servers.start(dir);
    base = `http://localhost:${s.port}`;
    expect((await call(s.endpoint, "DescribeImages", { repositoryName: "kept" })).imageDetails[0].imageDigest).toBe(pushed.digest);
    const layer = JSON.parse(pushed.manifest).layers[0].digest;
    const blob = await fetch(`${base}/v2/kept/blobs/${layer}`, { headers: { Authorization: auth } });
    expect([blob.status, await blob.text()]).toEqual([200, "kept layer"]);
  }, 60_000);
});

describe.skipIf(!!why)("a registry named by URL", () => {
  it("is used as it is: pushes land in it under the account and region", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createNetServer().listen(0, "127.0.0.1", () => {
        const p = (probe.address() as { port: number }).port;
        probe.close(() => resolve(p));
      });
    });
    const dir = tempDir("ecs-local-own-registry-");
    writeFileSync(join(dir, "config.yml"), `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\nhttp:\n  addr: 127.0.0.1:${port}\n`);
    const child = spawn("docker-registry", ["serve", join(dir, "config.yml")], { stdio: "ignore" });
    try {
      const own = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 100 && !(await fetch(`${own}/v2/`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
      t = await startLocal({ registry: own });
      ecr = jsonCalls(t, "ecr");
      base = `http://localhost:${new URL(t.url).port}`;
      await ecr.call("CreateRepository", { repositoryName: "elsewhere" });
      const pushed = await pushImage(await login(), "elsewhere", "v1", "held elsewhere");
      expect(pushed.status).toBe(201);
      const tags = await fetch(`${own}/v2/_catalog`).then((r) => r.json());
      expect(tags).toEqual({ repositories: [`${ACCOUNT}/us-east-1/elsewhere`] });
    } finally {
      await t?.close();
      child.kill();
    }
  }, 30_000);
});

describe("a registry that cannot run", () => {
  it("says why, and the next need tries again", async () => {
    const local = createApp({ config: { registry: "/nonexistent/docker-registry", logLevel: "silent" } });
    const plane = await local.registryPlane();
    await expect(plane.start()).rejects.toThrow("cannot run the registry /nonexistent/docker-registry: no such program");
    await expect(plane.start()).rejects.toThrow("no such program");
    await local.close();
  });
});

// ECR's images through the API: what PutImage keeps (digest of the bytes, tags moving between images,
// immutability), BatchGetImage, BatchDeleteImage, DescribeImages and ListImages, lifecycle policies
// applied by the clock and previewed, scans and their waiter, and registry passwords. Images the
// registry accepted are put as the registry puts them (in process, marked as the registry's).
import { createHash } from "node:crypto";
import { DescribeImagesCommand, ECRClient, GetAuthorizationTokenCommand, waitUntilImageScanComplete } from "@aws-sdk/client-ecr";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
let ecr: JsonCalls;
beforeAll(async () => {
  t = await startLocal();
  ecr = jsonCalls(t, "ecr");
  await t.local.registry.load();
});
afterAll(() => t.close());
beforeEach(async () => {
  t.local.reset();
  await ecr.call("CreateRepository", { repositoryName: "web" });
});

const ACCOUNT = "000000000000";
const DAY = 86_400_000;
const sha = (text: string) => `sha256:${createHash("sha256").update(text).digest("hex")}`;
const V2 = "application/vnd.docker.distribution.manifest.v2+json";

/** A Docker image manifest naming a config and layers of these sizes (their digests made up from `seed`). */
function manifest(seed: string, sizes: number[]): string {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: V2,
    config: { mediaType: "application/vnd.docker.container.image.v1+json", size: 100, digest: sha(`${seed}/config`) },
    layers: sizes.map((size, i) => ({ mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip", size, digest: sha(`${seed}/${i}`) })),
  });
}

/** What a `docker push` records once the registry accepted the manifest. */
function pushed(repositoryName: string, text: string, imageTag?: string) {
  const request = { accountId: ACCOUNT, region: "us-east-1", requestId: "r", via: "registry" as const };
  return t.local.registry.backends.client.call("ecr", "PutImage", { repositoryName, imageManifest: text, ...(imageTag ? { imageTag } : {}) }, request);
}

describe("PutImage and the images it keeps", () => {
  it("keeps a manifest under its digest; a tag moves to the image pushed with it, the other stays untagged", async () => {
    const one = manifest("one", [300, 200]);
    pushed("web", one, "latest");
    const two = manifest("two", [50]);
    t.advance(1000);
    pushed("web", two, "latest");
    const { imageDetails } = await ecr.call("DescribeImages", { repositoryName: "web" });
    expect(imageDetails).toEqual([
      { registryId: ACCOUNT, repositoryName: "web", imageDigest: sha(one), imageSizeInBytes: 500, imagePushedAt: t.clock.now() / 1000 - 1, imageManifestMediaType: V2, artifactMediaType: "application/vnd.docker.container.image.v1+json" },
      { registryId: ACCOUNT, repositoryName: "web", imageDigest: sha(two), imageTags: ["latest"], imageSizeInBytes: 50, imagePushedAt: t.clock.now() / 1000, imageManifestMediaType: V2, artifactMediaType: "application/vnd.docker.container.image.v1+json" },
    ]);
    expect((await ecr.call("ListImages", { repositoryName: "web" })).imageIds).toEqual([{ imageDigest: sha(one) }, { imageDigest: sha(two), imageTag: "latest" }]);
    expect((await ecr.call("ListImages", { repositoryName: "web", filter: { tagStatus: "UNTAGGED" } })).imageIds).toEqual([{ imageDigest: sha(one) }]);
  });

  it("retags through the API with a manifest whose layers the repository holds (the CLI's put-image example)", async () => {
    const text = manifest("app", [10]);
    pushed("web", text, "v1");
    const got = await ecr.call("BatchGetImage", { repositoryName: "web", imageIds: [{ imageTag: "v1" }] });
    expect(got).toEqual({ images: [{ registryId: ACCOUNT, repositoryName: "web", imageId: { imageDigest: sha(text), imageTag: "v1" }, imageManifest: text, imageManifestMediaType: V2 }], failures: [] });
    const put = await ecr.call("PutImage", { repositoryName: "web", imageManifest: text, imageTag: "2019.08" });
    expect(put.image.imageId).toEqual({ imageDigest: sha(text), imageTag: "2019.08" });
    expect((await ecr.call("DescribeImages", { repositoryName: "web" })).imageDetails[0].imageTags).toEqual(["v1", "2019.08"]);
    expect(await ecr.error("PutImage", { repositoryName: "web", imageManifest: text, imageTag: "v1" })).toEqual({
      status: 400,
      code: "ImageAlreadyExistsException",
      message: `Image with digest '${sha(text)}' and tag 'v1' already exists in the repository with name 'web' in registry with id '${ACCOUNT}'`,
    });
    const stranger = manifest("other", [5]);
    expect(await ecr.error("PutImage", { repositoryName: "web", imageManifest: stranger, imageTag: "x" })).toMatchObject({ code: "LayersNotFoundException" });
    expect(await ecr.error("PutImage", { repositoryName: "web", imageManifest: "{not json", imageTag: "x" })).toEqual({ status: 400, code: "InvalidParameterException", message: "Invalid parameter at 'ImageManifest' failed to satisfy constraint: 'Invalid JSON syntax'" });
    expect(await ecr.error("PutImage", { repositoryName: "web", imageManifest: text, imageTag: "y", imageDigest: sha("nope") })).toMatchObject({ code: "ImageDigestDoesNotMatchException" });
    expect((await ecr.call("ListImages", { repositoryName: "web" })).imageIds).toHaveLength(2);
  });

  it("holds tags of an immutable repository where they are, except those its exclusion filters name", async () => {
    await ecr.call("PutImageTagMutability", { repositoryName: "web", imageTagMutability: "IMMUTABLE_WITH_EXCLUSION", imageTagMutabilityExclusionFilters: [{ filterType: "WILDCARD", filter: "dev-*" }] });
    pushed("web", manifest("a", [1]), "v1");
    pushed("web", manifest("a", [1]), "dev-1");
    expect(() => pushed("web", manifest("b", [1]), "v1")).toThrow("The image tag 'v1' already exists in the 'web' repository and cannot be overwritten because the repository is immutable.");
    pushed("web", manifest("b", [1]), "dev-1");
    const ids = (await ecr.call("ListImages", { repositoryName: "web", filter: { tagStatus: "TAGGED" } })).imageIds;
    expect(ids).toEqual([
      { imageDigest: sha(manifest("a", [1])), imageTag: "v1" },
      { imageDigest: sha(manifest("b", [1])), imageTag: "dev-1" },
    ]);
  });
});

describe("BatchDeleteImage and DescribeImages by id", () => {
  it("removes a tag alone, an image by digest with every tag, and lists what it could not", async () => {
    const text = manifest("x", [7]);
    pushed("web", text, "a");
    pushed("web", text, "b");
    const untagged = manifest("y", [9]);
    pushed("web", untagged);
    const first = await ecr.call("BatchDeleteImage", { repositoryName: "web", imageIds: [{ imageTag: "a" }, { imageTag: "gone" }, {}, { imageDigest: "nope" }] });
    expect(first).toEqual({
      imageIds: [{ imageDigest: sha(text), imageTag: "a" }],
      failures: [
        { imageId: { imageTag: "gone" }, failureCode: "ImageNotFound", failureReason: "Requested image not found" },
        { imageId: {}, failureCode: "MissingDigestAndTag", failureReason: "Invalid request parameters: both tag and digest cannot be null" },
        { imageId: { imageDigest: "nope" }, failureCode: "InvalidImageDigest", failureReason: "Invalid request parameters: image digest should satisfy the regex '[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+'" },
      ],
    });
    expect(await ecr.error("DescribeImages", { repositoryName: "web", imageIds: [{ imageTag: "a" }] })).toEqual({
      status: 400,
      code: "ImageNotFoundException",
      message: `The image with imageId {imageDigest:'null', imageTag:'a'} does not exist within the repository with name 'web' in the registry with id '${ACCOUNT}'`,
    });
    const second = await ecr.call("BatchDeleteImage", { repositoryName: "web", imageIds: [{ imageDigest: sha(text) }, { imageDigest: sha(untagged) }] });
    expect(second.imageIds).toEqual([{ imageDigest: sha(text), imageTag: "b" }, { imageDigest: sha(untagged) }]);
    expect((await ecr.call("DescribeImages", { repositoryName: "web" })).imageDetails).toEqual([]);
  });

  it("refuses to delete a repository that holds images unless forced", async () => {
    pushed("web", manifest("x", [1]), "v1");
    expect(await ecr.error("DeleteRepository", { repositoryName: "web" })).toEqual({
      status: 400,
      code: "RepositoryNotEmptyException",
      message: `The repository with name 'web' in registry with id '${ACCOUNT}' cannot be deleted because it still contains images`,
    });
    expect((await ecr.call("DeleteRepository", { repositoryName: "web", force: true })).repository.repositoryName).toBe("web");
    expect(await ecr.error("ListImages", { repositoryName: "web" })).toMatchObject({ code: "RepositoryNotFoundException" });
  });

  it("pages images by maxResults", async () => {
    for (const n of ["1", "2", "3"]) pushed("web", manifest(n, [1]), `v${n}`);
    const first = await ecr.call("DescribeImages", { repositoryName: "web", maxResults: 2 });
    expect(first.imageDetails.map((d: { imageTags: string[] }) => d.imageTags[0])).toEqual(["v1", "v2"]);
    const rest = await ecr.call("DescribeImages", { repositoryName: "web", maxResults: 2, nextToken: first.nextToken });
    expect([rest.imageDetails.map((d: { imageTags: string[] }) => d.imageTags[0]), rest.nextToken]).toEqual([["v3"], undefined]);
  });
});

describe("lifecycle policies", () => {
  const policy = (rules: object[]) => JSON.stringify({ rules });
  const keepTwoTagged = { rulePriority: 1, selection: { tagStatus: "tagged", tagPrefixList: ["v"], countType: "imageCountMoreThan", countNumber: 2 }, action: { type: "expire" } };
  const untaggedAfterADay = { rulePriority: 2, selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 }, action: { type: "expire" } };

  it("expires what the rules select at the next turn of the clock, and untagged images once a day old", async () => {
    for (const n of ["1", "2", "3"]) {
      pushed("web", manifest(n, [1]), `v${n}`);
      t.advance(1000);
    }
    pushed("web", manifest("loose", [1]));
    pushed("web", manifest("other", [1]), "release");
    await ecr.call("PutLifecyclePolicy", { repositoryName: "web", lifecyclePolicyText: policy([keepTwoTagged, untaggedAfterADay]) });
    t.advance(0);
    const tags = async () => (await ecr.call("ListImages", { repositoryName: "web" })).imageIds.map((i: { imageTag?: string }) => i.imageTag ?? "untagged");
    expect(await tags()).toEqual(["v2", "v3", "untagged", "release"]);
    t.advance(DAY - 5000);
    expect(await tags()).toEqual(["v2", "v3", "untagged", "release"]);
    t.advance(5001);
    expect(await tags()).toEqual(["v2", "v3", "release"]);
    pushed("web", manifest("4", [1]), "v4");
    t.advance(0);
    expect(await tags()).toEqual(["v3", "release", "v4"]);
  });

  it("previews what a policy would expire, with each image's rule", async () => {
    expect(await ecr.error("GetLifecyclePolicyPreview", { repositoryName: "web" })).toMatchObject({ code: "LifecyclePolicyPreviewNotFoundException" });
    for (const n of ["1", "2", "3"]) {
      pushed("web", manifest(n, [1]), `v${n}`);
      t.advance(1000);
    }
    const text = policy([keepTwoTagged]);
    const started = await ecr.call("StartLifecyclePolicyPreview", { repositoryName: "web", lifecyclePolicyText: text });
    expect(started).toEqual({ registryId: ACCOUNT, repositoryName: "web", lifecyclePolicyText: text, status: "IN_PROGRESS" });
    const done = await ecr.call("GetLifecyclePolicyPreview", { repositoryName: "web" });
    expect(done).toEqual({
      registryId: ACCOUNT,
      repositoryName: "web",
      lifecyclePolicyText: text,
      status: "COMPLETE",
      previewResults: [{ imageTags: ["v1"], imageDigest: sha(manifest("1", [1])), imagePushedAt: t.clock.now() / 1000 - 3, action: { type: "EXPIRE" }, appliedRulePriority: 1 }],
      summary: { expiringImageTotalCount: 1 },
    });
    expect((await ecr.call("ListImages", { repositoryName: "web" })).imageIds).toHaveLength(3);
  });
});

describe("scans and registry passwords", () => {
  it("scans on push and on request; the SDK's ImageScanComplete waiter sees it complete, with no findings", async () => {
    await ecr.call("PutImageScanningConfiguration", { repositoryName: "web", imageScanningConfiguration: { scanOnPush: true } });
    const text = manifest("s", [1]);
    pushed("web", text, "v1");
    const image = t.local.registry.backends.ecr.states.get(ACCOUNT, "us-east-1").repositories.get("web")!.images.get(sha(text))!;
    expect(image.scan?.status).toBe("IN_PROGRESS");
    const client = new ECRClient({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    const waited = await waitUntilImageScanComplete({ client, maxWaitTime: 30, minDelay: 1 }, { repositoryName: "web", imageId: { imageTag: "v1" } });
    expect(waited.state).toBe("SUCCESS");
    const findings = await ecr.call("DescribeImageScanFindings", { repositoryName: "web", imageId: { imageTag: "v1" } });
    expect(findings).toEqual({
      registryId: ACCOUNT,
      repositoryName: "web",
      imageId: { imageDigest: sha(text), imageTag: "v1" },
      imageScanStatus: { status: "COMPLETE", description: "The scan was completed successfully." },
      imageScanFindings: { imageScanCompletedAt: t.clock.now() / 1000, vulnerabilitySourceUpdatedAt: t.clock.now() / 1000, findingSeverityCounts: {}, findings: [] },
    });
    expect(await ecr.error("StartImageScan", { repositoryName: "web", imageId: { imageTag: "v1" } })).toEqual({ status: 400, code: "LimitExceededException", message: "The scan quota per image has been exceeded. Wait and try again." });
    t.advance(DAY);
    const again = await ecr.call("StartImageScan", { repositoryName: "web", imageId: { imageDigest: sha(text) } });
    expect(again).toEqual({ registryId: ACCOUNT, repositoryName: "web", imageId: { imageDigest: sha(text) }, imageScanStatus: { status: "IN_PROGRESS" } });
    const details = await client.send(new DescribeImagesCommand({ repositoryName: "web" }));
    expect(details.imageDetails![0].imageScanFindingsSummary!.imageScanCompletedAt).toBeInstanceOf(Date);
  });

  it("issues AWS:<password> for 12 hours, naming the registry docker logs in to", async () => {
    const client = new ECRClient({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    const { authorizationData } = await client.send(new GetAuthorizationTokenCommand({}));
    const [user, password] = Buffer.from(authorizationData![0].authorizationToken!, "base64").toString("utf8").split(":");
    expect(user).toBe("AWS");
    expect(Object.keys(JSON.parse(Buffer.from(password, "base64").toString("utf8")))).toEqual(["payload", "datakey", "version", "type", "expiration"]);
    expect(authorizationData![0].expiresAt!.getTime()).toBe(t.clock.now() + 12 * 3600_000);
    expect(authorizationData![0].proxyEndpoint).toBe(`http://localhost:${new URL(t.url).port}`);
    expect(t.local.registry.backends.ecr.registry.token(password)).toEqual({ accountId: ACCOUNT, region: "us-east-1", expiresAt: t.clock.now() / 1000 + 12 * 3600 });
  });
});

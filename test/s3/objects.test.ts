// S3 objects through the SDK v3 client (its aws-chunked uploads with CRC32 trailers included):
// writes, reads, listings with prefixes, delimiters and pages, versions and delete markers, the
// deletions that empty a versioned bucket, and the raw protocol (virtual hosts, checksums, routing).
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { createHash } from "node:crypto";
import { request } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { rawS3, s3Client } from "../helpers/s3.js";

let t: TestLocal;
let s3: ReturnType<typeof s3Client>;
beforeAll(async () => {
  t = await startLocal();
  s3 = s3Client(t);
});
afterAll(() => t.close());
beforeEach(async () => {
  t.local.reset();
  await s3.send(new CreateBucketCommand({ Bucket: "objects" }));
});

const md5 = (s: string | Buffer) => `"${createHash("md5").update(s).digest("hex")}"`;

describe("PutObject, GetObject, HeadObject", () => {
  it("keeps the bytes, type and metadata, and answers them with the MD5 ETag", async () => {
    const body = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
    const put = await s3.send(new PutObjectCommand({ Bucket: "objects", Key: "dir/bin ary+1.dat", Body: body, ContentType: "application/x-test", Metadata: { owner: "ci" } }));
    expect([put.ETag, put.ServerSideEncryption, put.VersionId]).toEqual([md5(body), "AES256", undefined]);
    const got = await s3.send(new GetObjectCommand({ Bucket: "objects", Key: "dir/bin ary+1.dat" }));
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(body);
    expect([got.ContentType, got.ContentLength, got.ETag, got.Metadata]).toEqual(["application/x-test", 7, md5(body), { owner: "ci" }]);
    expect(got.LastModified!.toISOString()).toBe(new Date(t.clock.now()).toISOString().replace(/\.\d+Z$/, ".000Z"));
    const head = await s3.send(new HeadObjectCommand({ Bucket: "objects", Key: "dir/bin ary+1.dat" }));
    expect([head.ContentLength, head.ETag, head.AcceptRanges]).toEqual([7, md5(body), "bytes"]);
    const plain = await s3.send(new PutObjectCommand({ Bucket: "objects", Key: "empty", Body: "" }));
    expect(plain.ETag).toBe('"d41d8cd98f00b204e9800998ecf8427e"');
    await rawS3(t, "PUT", "/objects/untyped", { body: Buffer.from("x") });
    expect((await s3.send(new HeadObjectCommand({ Bucket: "objects", Key: "untyped" }))).ContentType).toBe("binary/octet-stream");
  });

  it("answers NoSuchKey for a key that is not there, and HEAD 404 without a body", async () => {
    await expect(s3.send(new GetObjectCommand({ Bucket: "objects", Key: "missing" }))).rejects.toMatchObject({ name: "NoSuchKey", message: "The specified key does not exist.", $metadata: { httpStatusCode: 404 } });
    await expect(s3.send(new HeadObjectCommand({ Bucket: "objects", Key: "missing" }))).rejects.toMatchObject({ name: "NotFound" });
    await expect(s3.send(new PutObjectCommand({ Bucket: "no-such-bucket", Key: "k", Body: "x" }))).rejects.toMatchObject({ name: "NoSuchBucket" });
  });

  it("checks Content-MD5 and CRC32 checksums against the bytes, and changes nothing when they differ", async () => {
    const bad = await rawS3(t, "PUT", "/objects/checked", { body: "hello", headers: { "Content-MD5": Buffer.alloc(16).toString("base64") } });
    expect([bad.status, bad.error?.Code]).toEqual([400, "BadDigest"]);
    const wrongCrc = await rawS3(t, "PUT", "/objects/checked", { body: "hello", headers: { "x-amz-checksum-crc32": "AAAAAA==" } });
    expect([wrongCrc.status, wrongCrc.error?.Code]).toEqual([400, "BadDigest"]);
    await expect(s3.send(new HeadObjectCommand({ Bucket: "objects", Key: "checked" }))).rejects.toMatchObject({ name: "NotFound" });
    const good = await rawS3(t, "PUT", "/objects/checked", { body: "hello", headers: { "Content-MD5": createHash("md5").update("hello").digest("base64"), "x-amz-checksum-crc32": "NhCmhg==" } });
    expect([good.status, good.headers.get("etag"), good.headers.get("x-amz-checksum-crc32")]).toEqual([200, md5("hello"), "NhCmhg=="]);
    const withMode = await s3.send(new GetObjectCommand({ Bucket: "objects", Key: "checked", ChecksumMode: "ENABLED" }));
    expect(withMode.ChecksumCRC32).toBe("NhCmhg==");
    expect(await withMode.Body!.transformToString()).toBe("hello");
  });

  it("answers one byte range with 206 and its Content-Range, and a range past the end with InvalidRange", async () => {
    await s3.send(new PutObjectCommand({ Bucket: "objects", Key: "digits", Body: "0123456789" }));
    const part = await s3.send(new GetObjectCommand({ Bucket: "objects", Key: "digits", Range: "bytes=2-5" }));
    expect([part.$metadata.httpStatusCode, part.ContentRange, part.ContentLength, await part.Body!.transformToString()]).toEqual([206, "bytes 2-5/10", 4, "2345"]);
    const tail = await s3.send(new GetObjectCommand({ Bucket: "objects", Key: "digits", Range: "bytes=-3" }));
    expect(await tail.Body!.transformToString()).toBe("789");
    const open = await s3.send(new GetObjectCommand({ Bucket: "objects", Key: "digits", Range: "bytes=8-" }));
    expect([open.ContentRange, await open.Body!.transformToString()]).toEqual(["bytes 8-9/10", "89"]);
    const past = await rawS3(t, "GET", "/objects/digits", { headers: { Range: "bytes=10-20" } });
    expect([past.status, past.error?.Code, past.error?.ActualObjectSize]).toEqual([416, "InvalidRange", "10"]);
  });

  it("serves virtual-hosted requests (<bucket>.localhost) like path-style ones", async () => {
    const { port } = new URL(t.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, method: "PUT", path: "/greeting.txt", headers: { Host: `objects.localhost:${port}`, "Content-Length": "2" } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on("error", reject);
      req.end("hi");
    });
    expect(status).toBe(200);
    expect(await (await s3.send(new GetObjectCommand({ Bucket: "objects", Key: "greeting.txt" }))).Body!.transformToString()).toBe("hi");
  });
});

describe("ListObjectsV2 and ListObjects", () => {
  beforeEach(async () => {
    for (const key of ["a.txt", "logs/2026/01.log", "logs/2026/02.log", "logs/2027/01.log", "z.txt"]) await s3.send(new PutObjectCommand({ Bucket: "objects", Key: key, Body: key }));
  });

  it("lists keys in order, rolled up at a delimiter, a page at a time", async () => {
    const all = await s3.send(new ListObjectsV2Command({ Bucket: "objects" }));
    expect(all.Contents!.map((c) => c.Key)).toEqual(["a.txt", "logs/2026/01.log", "logs/2026/02.log", "logs/2027/01.log", "z.txt"]);
    expect([all.KeyCount, all.IsTruncated, all.Contents![0].Size, all.Contents![0].StorageClass]).toEqual([5, false, 5, "STANDARD"]);
    const rolled = await s3.send(new ListObjectsV2Command({ Bucket: "objects", Delimiter: "/" }));
    expect([rolled.Contents!.map((c) => c.Key), rolled.CommonPrefixes!.map((p) => p.Prefix)]).toEqual([["a.txt", "z.txt"], ["logs/"]]);
    const years = await s3.send(new ListObjectsV2Command({ Bucket: "objects", Prefix: "logs/", Delimiter: "/" }));
    expect([years.Contents, years.CommonPrefixes!.map((p) => p.Prefix)]).toEqual([undefined, ["logs/2026/", "logs/2027/"]]);
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: "objects", MaxKeys: 2, ContinuationToken: token }));
      keys.push(...page.Contents!.map((c) => c.Key!));
      token = page.NextContinuationToken;
      pages++;
    } while (token);
    expect([pages, keys]).toEqual([3, ["a.txt", "logs/2026/01.log", "logs/2026/02.log", "logs/2027/01.log", "z.txt"]]);
    expect((await s3.send(new ListObjectsV2Command({ Bucket: "objects", StartAfter: "logs/2027/01.log" }))).Contents!.map((c) => c.Key)).toEqual(["z.txt"]);
  });

  it("ListObjects (version 1) pages by marker and names the owner", async () => {
    const first = await s3.send(new ListObjectsCommand({ Bucket: "objects", MaxKeys: 2, Delimiter: "/" }));
    expect([first.Contents!.map((c) => c.Key), first.CommonPrefixes!.map((p) => p.Prefix), first.IsTruncated, first.NextMarker]).toEqual([["a.txt"], ["logs/"], true, "logs/"]);
    expect(first.Contents![0].Owner!.ID).toMatch(/^[0-9a-f]{64}$/);
    const rest = await s3.send(new ListObjectsCommand({ Bucket: "objects", Marker: "logs/", Delimiter: "/" }));
    expect(rest.Contents!.map((c) => c.Key)).toEqual(["z.txt"]);
  });

  it("url-encodes keys when asked (encoding-type=url, as the AWS CLI asks)", async () => {
    await s3.send(new PutObjectCommand({ Bucket: "objects", Key: "with space+plus", Body: "x" }));
    const res = await rawS3(t, "GET", "/objects?list-type=2&prefix=with&encoding-type=url");
    expect(res.text).toContain("<Key>with%20space%2Bplus</Key>");
    expect(res.text).toContain("<EncodingType>url</EncodingType>");
  });
});

describe("versions and deletion", () => {
  it("DeleteObject removes an unversioned key; deleting a missing key succeeds", async () => {
    await s3.send(new PutObjectCommand({ Bucket: "objects", Key: "k", Body: "x" }));
    expect((await s3.send(new DeleteObjectCommand({ Bucket: "objects", Key: "k" }))).$metadata.httpStatusCode).toBe(204);
    await s3.send(new DeleteObjectCommand({ Bucket: "objects", Key: "k" }));
    await s3.send(new DeleteBucketCommand({ Bucket: "objects" }));
  });

  it("keeps every version under versioning, hides a key behind a delete marker, and empties by version", async () => {
    await s3.send(new PutBucketVersioningCommand({ Bucket: "objects", VersioningConfiguration: { Status: "Enabled" } }));
    const v1 = (await s3.send(new PutObjectCommand({ Bucket: "objects", Key: "doc", Body: "one" }))).VersionId!;
    const v2 = (await s3.send(new PutObjectCommand({ Bucket: "objects", Key: "doc", Body: "two" }))).VersionId!;
    expect(v1).toMatch(/^[A-Za-z0-9._]{32}$/);
    expect(v2).not.toBe(v1);
    expect(await (await s3.send(new GetObjectCommand({ Bucket: "objects", Key: "doc", VersionId: v1 }))).Body!.transformToString()).toBe("one");
    const marker = await s3.send(new DeleteObjectCommand({ Bucket: "objects", Key: "doc" }));
    expect(marker.DeleteMarker).toBe(true);
    await expect(s3.send(new GetObjectCommand({ Bucket: "objects", Key: "doc" }))).rejects.toMatchObject({ name: "NoSuchKey" });
    expect((await s3.send(new ListObjectsV2Command({ Bucket: "objects" }))).KeyCount).toBe(0);
    const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: "objects" }));
    expect(versions.Versions!.map((v) => [v.VersionId, v.IsLatest, v.Size])).toEqual([[v2, false, 3], [v1, false, 3]]);
    expect(versions.DeleteMarkers!.map((m) => [m.VersionId, m.IsLatest])).toEqual([[marker.VersionId, true]]);
    await expect(s3.send(new DeleteBucketCommand({ Bucket: "objects" }))).rejects.toMatchObject({ name: "BucketNotEmpty", message: "The bucket you tried to delete is not empty. You must delete all versions in the bucket." });
    const removed = await s3.send(new DeleteObjectsCommand({ Bucket: "objects", Delete: { Objects: [{ Key: "doc", VersionId: v1 }, { Key: "doc", VersionId: v2 }, { Key: "doc", VersionId: marker.VersionId }] } }));
    expect(removed.Deleted!.map((d) => [d.VersionId, d.DeleteMarker ?? false])).toEqual([[v1, false], [v2, false], [marker.VersionId, true]]);
    expect((await s3.send(new ListObjectVersionsCommand({ Bucket: "objects" }))).Versions).toBeUndefined();
    await s3.send(new DeleteBucketCommand({ Bucket: "objects" }));
  });

  it("pages versions by key and version markers", async () => {
    await s3.send(new PutBucketVersioningCommand({ Bucket: "objects", VersioningConfiguration: { Status: "Enabled" } }));
    for (const body of ["1", "2", "3"]) await s3.send(new PutObjectCommand({ Bucket: "objects", Key: "a", Body: body }));
    await s3.send(new PutObjectCommand({ Bucket: "objects", Key: "b", Body: "b" }));
    const first = await s3.send(new ListObjectVersionsCommand({ Bucket: "objects", MaxKeys: 2 }));
    expect([first.Versions!.length, first.IsTruncated, first.NextKeyMarker]).toEqual([2, true, "a"]);
    const second = await s3.send(new ListObjectVersionsCommand({ Bucket: "objects", MaxKeys: 2, KeyMarker: first.NextKeyMarker, VersionIdMarker: first.NextVersionIdMarker }));
    expect([second.Versions!.map((v) => v.Key), second.IsTruncated]).toEqual([["a", "b"], false]);
  });

  it("DeleteObjects in quiet mode answers nothing for what it deleted", async () => {
    await s3.send(new PutObjectCommand({ Bucket: "objects", Key: "q1", Body: "x" }));
    const quiet = await s3.send(new DeleteObjectsCommand({ Bucket: "objects", Delete: { Quiet: true, Objects: [{ Key: "q1" }, { Key: "q2" }] } }));
    expect([quiet.Deleted, quiet.Errors]).toEqual([undefined, undefined]);
    expect((await s3.send(new ListObjectsV2Command({ Bucket: "objects" }))).KeyCount).toBe(0);
  });
});

// Multipart uploads through the SDK v3 client: parts (each but the last at least 5 MiB), listed,
// completed into one object with the multipart ETag, or aborted; refusals in S3's words.
import { AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, GetObjectCommand, HeadObjectCommand, ListPartsCommand, UploadPartCommand } from "@aws-sdk/client-s3";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { s3Client } from "../helpers/s3.js";

let t: TestLocal;
let s3: ReturnType<typeof s3Client>;
beforeAll(async () => {
  t = await startLocal();
  s3 = s3Client(t);
  await s3.send(new CreateBucketCommand({ Bucket: "parts" }));
});
afterAll(() => t.close());

const md5 = (b: Buffer) => createHash("md5").update(b).digest();

it("puts parts together into one object with the multipart ETag", async () => {
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: "parts", Key: "big.bin", ContentType: "application/zip", Metadata: { kind: "asset" } }));
  expect(UploadId).toMatch(/^[A-Za-z0-9_-]{64}$/);
  const one = Buffer.alloc(5 * 1024 * 1024, 1);
  const two = Buffer.from("the rest");
  const p1 = await s3.send(new UploadPartCommand({ Bucket: "parts", Key: "big.bin", UploadId, PartNumber: 1, Body: one }));
  const p2 = await s3.send(new UploadPartCommand({ Bucket: "parts", Key: "big.bin", UploadId, PartNumber: 2, Body: two }));
  expect(p1.ETag).toBe(`"${md5(one).toString("hex")}"`);
  const listed = await s3.send(new ListPartsCommand({ Bucket: "parts", Key: "big.bin", UploadId }));
  expect(listed.Parts!.map((p) => [p.PartNumber, p.Size, p.ETag])).toEqual([[1, one.length, p1.ETag], [2, two.length, p2.ETag]]);
  const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket: "parts", Key: "big.bin", UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: p1.ETag }, { PartNumber: 2, ETag: p2.ETag }] } }));
  expect(done.ETag).toBe(`"${createHash("md5").update(Buffer.concat([md5(one), md5(two)])).digest("hex")}-2"`);
  const head = await s3.send(new HeadObjectCommand({ Bucket: "parts", Key: "big.bin" }));
  expect([head.ContentLength, head.ContentType, head.Metadata, head.ETag]).toEqual([one.length + two.length, "application/zip", { kind: "asset" }, done.ETag]);
  const tail = await s3.send(new GetObjectCommand({ Bucket: "parts", Key: "big.bin", Range: `bytes=${one.length}-` }));
  expect(await tail.Body!.transformToString()).toBe("the rest");
  await expect(s3.send(new ListPartsCommand({ Bucket: "parts", Key: "big.bin", UploadId }))).rejects.toMatchObject({ name: "NoSuchUpload", $metadata: { httpStatusCode: 404 } });
});

it("refuses small parts, wrong ETags and parts out of order; an aborted upload is gone", async () => {
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: "parts", Key: "small.bin" }));
  const a = await s3.send(new UploadPartCommand({ Bucket: "parts", Key: "small.bin", UploadId, PartNumber: 1, Body: "a" }));
  const b = await s3.send(new UploadPartCommand({ Bucket: "parts", Key: "small.bin", UploadId, PartNumber: 2, Body: "b" }));
  const complete = (parts: { PartNumber: number; ETag?: string }[]) => s3.send(new CompleteMultipartUploadCommand({ Bucket: "parts", Key: "small.bin", UploadId, MultipartUpload: { Parts: parts } }));
  await expect(complete([{ PartNumber: 1, ETag: a.ETag }, { PartNumber: 2, ETag: b.ETag }])).rejects.toMatchObject({ name: "EntityTooSmall", message: "Your proposed upload is smaller than the minimum allowed object size." });
  await expect(complete([{ PartNumber: 2, ETag: b.ETag }, { PartNumber: 1, ETag: a.ETag }])).rejects.toMatchObject({ name: "InvalidPartOrder" });
  await expect(complete([{ PartNumber: 1, ETag: '"00000000000000000000000000000000"' }])).rejects.toMatchObject({ name: "InvalidPart" });
  await s3.send(new AbortMultipartUploadCommand({ Bucket: "parts", Key: "small.bin", UploadId }));
  await expect(s3.send(new UploadPartCommand({ Bucket: "parts", Key: "small.bin", UploadId, PartNumber: 3, Body: "c" }))).rejects.toMatchObject({
    name: "NoSuchUpload",
    message: "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
  });
  await expect(s3.send(new HeadObjectCommand({ Bucket: "parts", Key: "small.bin" }))).rejects.toMatchObject({ name: "NotFound" });
});

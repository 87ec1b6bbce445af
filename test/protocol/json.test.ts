// The awsJson1_1 wire: routing, parsing, validation and the error path, as AWS answers them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validationError } from "../../src/protocol/messages.js";
import { validatorFor } from "../../src/protocol/validate.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

const T = "AmazonEC2ContainerServiceV20141113";
let t: TestLocal;
beforeAll(async () => (t = await startLocal({ maxBodyBytes: 4096 })));
afterAll(() => t.close());

describe("serialization", () => {
  it("answers malformed JSON with SerializationException", async () => {
    const r = await t.raw(`${T}.ListClusters`, "{not json");
    expect(r.status).toBe(400);
    expect(r.body.__type).toBe("SerializationException");
    expect(r.headers.get("x-amzn-errortype")).toBe("SerializationException");
    expect(r.headers.get("content-type")).toBe("application/x-amz-json-1.1");
  });

  it("treats an empty body as {}", async () => {
    const r = await t.raw(`${T}.ListClusters`, "");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ clusterArns: [] });
  });

  it("refuses a JSON array as the body", async () => {
    const r = await t.raw(`${T}.ListClusters`, "[]");
    expect(r.body).toEqual({ __type: "SerializationException", message: "Start of list found where not expected" });
  });

  it("accepts application/x-amz-json-1.0 too", async () => {
    const r = await t.raw(`${T}.ListClusters`, "{}", { "Content-Type": "application/x-amz-json-1.0" });
    expect(r.status).toBe(200);
  });

  it("answers a body over the limit with a JSON error, not a dropped connection", async () => {
    const r = await t.raw(`${T}.CreateCluster`, JSON.stringify({ clusterName: "x".repeat(10_000) }));
    expect(r.status).toBe(413);
    expect(r.body.__type).toBe("RequestEntityTooLargeException");
    expect(r.body.message).toMatch(/4096/);
    const list = await t.ecs("ListClusters", {});
    expect(list.clusterArns).toEqual([]);
  });

  it("answers a wrong JSON type with SerializationException naming the problem", async () => {
    const r = await t.raw(`${T}.ListClusters`, JSON.stringify({ maxResults: "ten" }));
    expect(r.body).toEqual({ __type: "SerializationException", message: "STRING_VALUE can not be converted to an Integer" });
    const s = await t.raw(`${T}.DescribeClusters`, JSON.stringify({ clusters: "default" }));
    expect(s.body.__type).toBe("SerializationException");
    expect(s.body.message).toBe("Expected list or null at 'clusters'");
  });
});

describe("routing", () => {
  it("answers an unknown operation with UnknownOperationException", async () => {
    const r = await t.raw(`${T}.LaunchRockets`, "{}");
    expect(r.status).toBe(400);
    expect(r.body.__type).toBe("UnknownOperationException");
  });

  it("answers a missing target with UnknownOperationException", async () => {
    const r = await t.raw(undefined, "{}");
    expect(r.body.__type).toBe("UnknownOperationException");
  });

  it("answers another service's target prefix with UnknownOperationException", async () => {
    const r = await t.raw("DynamoDB_20120810.ListTables", "{}");
    expect(r.body.__type).toBe("UnknownOperationException");
  });

  it("says plainly when a model operation is not yet supported (every ECS one behaves: CloudWatch Logs still lacks some)", async () => {
    const r = await t.raw("Logs_20140328.AssociateKmsKey", JSON.stringify({ logGroupName: "g", kmsKeyId: "k" }));
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ __type: "InvalidParameterException", message: "ecs-local does not support AssociateKmsKey yet." });
  });
});

describe("validation", () => {
  it("names a missing required member", async () => {
    const e = await t.ecsError("DescribeTaskDefinition", {});
    expect(e).toEqual({
      status: 400,
      code: "ValidationException",
      message: "1 validation error detected: Value null at 'taskDefinition' failed to satisfy constraint: Member must not be null",
    });
  });

  it("reads a null optional member as an absent one, at any depth", async () => {
    await t.ecs("CreateCluster", { clusterName: "nulls", tags: null, settings: [{ name: "containerInsights", value: "enabled" }] } as never);
    const r = await t.raw(`${T}.ListClusters`, JSON.stringify({ maxResults: null, nextToken: null }));
    expect(r.status).toBe(200);
    expect(r.body.clusterArns).toContain("arn:aws:ecs:us-east-1:000000000000:cluster/nulls");
    const d = await t.ecs("DescribeClusters", { clusters: ["nulls"], include: null } as never);
    expect(d.clusters![0].clusterName).toBe("nulls");
    const s = await t.ecs("UpdateClusterSettings", { cluster: "nulls", settings: [{ name: "containerInsights", value: "disabled" }] });
    expect(s.cluster!.settings).toEqual([{ name: "containerInsights", value: "disabled" }]);
  });

  it("names a null required member, at the top or nested, as not null", async () => {
    const e = await t.ecsError("DescribeTaskDefinition", { taskDefinition: null });
    expect(e.message).toBe("1 validation error detected: Value null at 'taskDefinition' failed to satisfy constraint: Member must not be null");
    const n = await t.ecsError("TagResource", { resourceArn: "arn:aws:ecs:us-east-1:000000000000:cluster/nulls", tags: null });
    expect(n.message).toBe("1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
    const deep = await t.ecsError("RunTask", { taskDefinition: "x", networkConfiguration: { awsvpcConfiguration: { subnets: null } } });
    expect(deep).toEqual({
      status: 400,
      code: "ValidationException",
      message: "1 validation error detected: Value null at 'networkConfiguration.awsvpcConfiguration.subnets' failed to satisfy constraint: Member must not be null",
    });
  });

  it("refuses a null list item", async () => {
    const e = await t.ecsError("DescribeClusters", { clusters: ["a", null] });
    expect(e).toEqual({ status: 400, code: "SerializationException", message: "null can not be converted to a String" });
  });

  it("answers a value outside an enum in ECS's own words, naming the list it is in", async () => {
    const e = await t.ecsError("DescribeClusters", { include: ["TAGS", "COLOURS"] });
    expect(e).toEqual({ status: 400, code: "InvalidParameterException", message: "include should be one of [ATTACHMENTS,CONFIGURATIONS,SETTINGS,STATISTICS,TAGS]" });
  });

  it("fails the front end's constraints first, as a ValidationException that leaves the enum out", async () => {
    const e = await t.ecsError("RunTask", { launchType: "fargate" });
    expect(e).toEqual({ status: 400, code: "ValidationException", message: "1 validation error detected: Value null at 'taskDefinition' failed to satisfy constraint: Member must not be null" });
  });

  it("words an enum failure as AWS's ValidationException for a service that does not check enums itself", () => {
    const validate = validatorFor("ecs", "DescribeClusters", "input");
    const body = { include: ["TAGS", "COLOURS"] };
    expect(validate(body)).toBe(false);
    const e = validationError(validate.errors ?? [], body, "DescribeClusters");
    expect([e.code, e.message]).toEqual([
      "ValidationException",
      "1 validation error detected: Value 'COLOURS' at 'include.2.member' failed to satisfy constraint: Member must satisfy enum value set: [ATTACHMENTS, CONFIGURATIONS, SETTINGS, STATISTICS, TAGS]",
    ]);
  });

  it("counts every broken constraint", async () => {
    const e = await t.ecsError("CreateCluster", { clusterName: "a", tags: [{ key: "", value: "v" }, { key: "k".repeat(129), value: "w" }] });
    expect(e.message).toMatch(/^2 validation errors detected: /);
    expect(e.message).toContain("Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1");
    expect(e.message).toContain(`Value '${"k".repeat(129)}' at 'tags.2.member.key' failed to satisfy constraint: Member must have length less than or equal to 128`);
  });
});

describe("context", () => {
  it("keeps accounts and regions apart", async () => {
    await t.ecs("CreateCluster", { clusterName: "mine" }, { accountId: "111111111111", region: "eu-west-1" });
    const own = await t.ecs("ListClusters", {}, { accountId: "111111111111", region: "eu-west-1" });
    expect(own.clusterArns).toEqual(["arn:aws:ecs:eu-west-1:111111111111:cluster/mine"]);
    expect((await t.ecs("ListClusters", {}, { accountId: "111111111111", region: "us-east-1" })).clusterArns).toEqual([]);
    expect((await t.ecs("ListClusters", {}, { accountId: "222222222222", region: "eu-west-1" })).clusterArns).toEqual([]);
  });

  it("maps a non-numeric access key to the default account", async () => {
    const c = await t.ecs("CreateCluster", { clusterName: "dflt" }, { accountId: "AKIAEXAMPLE" });
    expect(c.cluster?.clusterArn).toBe("arn:aws:ecs:us-east-1:000000000000:cluster/dflt");
  });

  it("reads the region from a presigned query string", async () => {
    const res = await fetch(`${t.url}/?X-Amz-Credential=${encodeURIComponent("123456789012/20260101/ap-south-1/ecs/aws4_request")}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": `${T}.CreateCluster` },
      body: JSON.stringify({ clusterName: "presigned" }),
    });
    const body = await res.json();
    expect(body.cluster.clusterArn).toBe("arn:aws:ecs:ap-south-1:123456789012:cluster/presigned");
  });
});

describe("service endpoints", () => {
  it("reports health with the operation count", async () => {
    const res = await fetch(`${t.url}/_ecs-local/health`);
    const body = await res.json();
    expect(body.status).toBe("ok");
    expect(body.services.ecs.operations).toBe(77);
    expect(body.services.ecs.supported).toBe(77);
  });

  it("resets all state through /_ecs-local/reset and /moto-api/reset", async () => {
    await t.ecs("CreateCluster", { clusterName: "gone" });
    for (const path of ["/_ecs-local/reset", "/moto-api/reset"]) {
      const res = await fetch(`${t.url}${path}`, { method: "POST" });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok" });
      expect((await t.ecs("ListClusters", {})).clusterArns).toEqual([]);
      await t.ecs("CreateCluster", { clusterName: "again" });
    }
  });
});

describe("ARNs of another account or region", () => {
  it("name nothing here, even when a cluster of the same name exists", async () => {
    await t.ecs("CreateCluster", { clusterName: "shared-name" });
    const foreign = "arn:aws:ecs:eu-west-1:000000000000:cluster/shared-name";
    const other = "arn:aws:ecs:us-east-1:999999999999:cluster/shared-name";
    for (const arn of [foreign, other]) {
      expect(await t.ecsError("ListTasks", { cluster: arn })).toMatchObject({ code: "ClusterNotFoundException", message: "Cluster not found." });
      expect((await t.ecs("DescribeClusters", { clusters: [arn] })).failures).toEqual([{ arn, reason: "MISSING" }]);
    }
    expect((await t.ecs("ListTasks", { cluster: "arn:aws:ecs:us-east-1:000000000000:cluster/shared-name" })).taskArns).toEqual([]);
  });
});

describe("answer bodies", () => {
  // Small answers are written as a string and large ones as bytes: both must say their length in bytes, not characters.
  it.each([
    ["small (written as a string)", 1],
    ["large (written as bytes)", 50],
  ])("declares a %s answer's Content-Length in bytes when it holds multi-byte characters", async (_kind, count) => {
    const tags = Array.from({ length: count }, (_, i) => ({ key: `k${i}-${"é".repeat(120)}`, value: `ü中ж-${"中".repeat(240)}` }));
    const { cluster } = await t.ecs("CreateCluster", { clusterName: `utf8-${count}` });
    // Three at a time: this file's server takes bodies of at most 4,096 bytes.
    for (let i = 0; i < tags.length; i += 3) await t.ecs("TagResource", { resourceArn: cluster!.clusterArn!, tags: tags.slice(i, i + 3) });
    const r = await t.raw(`${T}.ListTagsForResource`, JSON.stringify({ resourceArn: cluster!.clusterArn }));
    expect(r.status).toBe(200);
    expect(Number(r.headers.get("content-length"))).toBe(Buffer.byteLength(r.text, "utf8"));
    expect(r.text.length > 16_384).toBe(count === 50);
    expect(r.body.tags).toEqual(tags);
  });
});

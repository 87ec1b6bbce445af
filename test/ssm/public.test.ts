// Public parameters (the ECS-optimized and Amazon Linux AMIs, Bottlerocket) in every region, whose
// AMIs EC2 knows; aws:ec2:image parameters checked after the write; the port other services read
// values through; and the AWS SDK v3 client parsing our answers.
import { GetParameterCommand, GetParametersByPathCommand, ParameterNotFound, PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PUBLIC_IMAGES, publicImageId } from "../../src/services/ec2/domain/publicImages.js";
import { IMAGE_VALIDATION_MS } from "../../src/services/ssm/domain/imageWrites.js";
import { publicParameters } from "../../src/services/ssm/domain/publicParameters.js";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
let ssm: JsonCalls;
const AL2023 = "/aws/service/ecs/optimized-ami/amazon-linux-2023";

beforeAll(async () => {
  t = await startLocal();
  ssm = jsonCalls(t, "ssm");
});
afterAll(() => t.close());
beforeEach(() => t.local.reset());

const ec2 = () => t.local.registry.backends.ec2;

describe("public parameters", () => {
  it("answer the recommended ECS-optimized AMI as a JSON document and field by field, ARN without account", async () => {
    const { Parameter } = await ssm.call("GetParameter", { Name: `${AL2023}/recommended` });
    const imageId = publicImageId("us-east-1", "al2023-ami-ecs-hvm-2023.0.20260820-kernel-6.1-x86_64");
    expect(Parameter).toEqual({
      Name: `${AL2023}/recommended`,
      Type: "String",
      Value:
        `{"ecs_agent_version":"1.106.1","ecs_runtime_version":"Docker version 25.0.16","image_id":"${imageId}",` +
        `"image_name":"al2023-ami-ecs-hvm-2023.0.20260820-kernel-6.1-x86_64","image_version":"2023.0.20260820","os":"Amazon Linux 2023",` +
        `"schema_version":1,"source_image_name":"al2023-ami-minimal-2023.12.20260817.0-kernel-6.1-x86_64"}`,
      Version: 143,
      LastModifiedDate: Date.UTC(2026, 7, 21) / 1000,
      ARN: `arn:aws:ssm:us-east-1::parameter${AL2023}/recommended`,
      DataType: "text",
    });
    expect((await ssm.call("GetParameter", { Name: `${AL2023}/recommended/image_id` })).Parameter.Value).toBe(imageId);
    expect(ec2().image("000000000000", "us-east-1", imageId)).toMatchObject({ name: "al2023-ami-ecs-hvm-2023.0.20260820-kernel-6.1-x86_64", architecture: "x86_64", ecsOptimized: true });
    // Another region, another id; another account reads the same.
    const west = (await ssm.call("GetParameter", { Name: `${AL2023}/recommended/image_id` }, { region: "us-west-2", accountId: "111122223333" })).Parameter;
    expect(west).toMatchObject({ Value: publicImageId("us-west-2", "al2023-ami-ecs-hvm-2023.0.20260820-kernel-6.1-x86_64"), ARN: `arn:aws:ssm:us-west-2::parameter${AL2023}/recommended/image_id` });
    expect((await ssm.call("GetParameter", { Name: `arn:aws:ssm:us-east-1::parameter${AL2023}/recommended/image_name` })).Parameter.Value).toBe(
      "al2023-ami-ecs-hvm-2023.0.20260820-kernel-6.1-x86_64",
    );
  });

  it("list the tree by path as AWS does, and every AMI they name is one EC2 knows", async () => {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const r: any = await ssm.call("GetParametersByPath", { Path: AL2023, Recursive: true, ...(token ? { NextToken: token } : {}) });
      names.push(...r.Parameters.map((p: any) => p.Name));
      token = r.NextToken;
    } while (token);
    const fields = ["ecs_agent_version", "ecs_runtime_version", "image_id", "image_name", "image_version", "os", "schema_version", "source_image_name"];
    for (const variant of ["", "/arm64", "/gpu", "/neuron"]) {
      expect(names).toContain(`${AL2023}${variant}/recommended`);
      for (const f of fields) expect(names).toContain(`${AL2023}${variant}/recommended/${f}`);
    }
    expect(names).toContain(`${AL2023}/al2023-ami-ecs-hvm-2023.0.20260820-kernel-6.1-x86_64/image_id`);
    expect(names).toHaveLength(4 * (2 + fields.length + 1));
    const oneLevel = (await ssm.call("GetParametersByPath", { Path: `${AL2023}/arm64` })).Parameters.map((p: any) => p.Name);
    expect(oneLevel).toEqual([`${AL2023}/arm64/al2023-ami-ecs-hvm-2023.0.20260820-kernel-6.1-arm64`, `${AL2023}/arm64/recommended`]);
    for (const region of ["us-east-1", "eu-central-1"]) {
      let checked = 0;
      for (const p of publicParameters(region).values()) {
        const value = p.versions[0].value;
        const ids = value.startsWith("{") ? [JSON.parse(value).image_id] : /^ami-/.test(value) ? [value] : [];
        for (const id of ids) expect(ec2().image("000000000000", region, id), `${p.name} in ${region}`).toBeDefined();
        checked += ids.length;
      }
      expect(checked).toBe(12 * 4 + 4 + 40);
    }
    expect(PUBLIC_IMAGES.length).toBe(new Set(PUBLIC_IMAGES.map((i) => i.name)).size);
  });

  it("include Bottlerocket's ECS variant and the latest Amazon Linux AMIs", async () => {
    const r = await ssm.call("GetParameters", {
      Names: [
        "/aws/service/bottlerocket/aws-ecs-2/x86_64/latest/image_id",
        "/aws/service/bottlerocket/aws-ecs-2/arm64/latest/image_version",
        "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
        "/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2",
      ],
    });
    expect(r.Parameters.map((p: any) => [p.Name, p.Value, p.Version])).toEqual([
      ["/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", publicImageId("us-east-1", "al2023-ami-2023.12.20260727.0-kernel-6.1-x86_64"), 182],
      ["/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2", publicImageId("us-east-1", "amzn2-ami-hvm-2.0.20260727.0-x86_64-gp2"), 202],
      ["/aws/service/bottlerocket/aws-ecs-2/arm64/latest/image_version", "1.42.0-5ed15786", 42],
      ["/aws/service/bottlerocket/aws-ecs-2/x86_64/latest/image_id", publicImageId("us-east-1", "bottlerocket-aws-ecs-2-x86_64-v1.42.0-5ed15786"), 42],
    ]);
    expect(r.InvalidParameters).toEqual([]);
  });

  it("are read-only: writes are refused, history is not readable, and DescribeParameters leaves them out", async () => {
    const name = `${AL2023}/recommended/image_id`;
    for (const [op, input] of [
      ["PutParameter", { Name: name, Value: "ami-12345678", Type: "String", Overwrite: true }],
      ["DeleteParameter", { Name: name }],
      ["LabelParameterVersion", { Name: name, Labels: ["mine"] }],
    ] as const) {
      const r = await t.raw(`AmazonSSM.${op}`, JSON.stringify(input));
      expect([r.status, r.body], op).toEqual([400, { __type: "AccessDeniedException", message: `No access to reserved parameter name: ${name}.` }]);
    }
    const history = await t.raw("AmazonSSM.GetParameterHistory", JSON.stringify({ Name: name }));
    expect(history.body).toEqual({
      __type: "AccessDeniedException",
      message: `User: arn:aws:iam::000000000000:root is not authorized to perform: ssm:GetParameterHistory on resource: arn:aws:ssm:us-east-1::parameter${name}`,
    });
    expect((await ssm.error("ListTagsForResource", { ResourceType: "Parameter", ResourceId: name })).code).toBe("InvalidResourceId");
    expect((await ssm.call("DescribeParameters", {})).Parameters).toEqual([]);
    expect((await ssm.call("GetParameter", { Name: `${name}:143` })).Parameter.Selector).toBe(":143");
    expect((await ssm.error("GetParameter", { Name: `${name}:1` })).code).toBe("ParameterVersionNotFound");
  });
});

describe("aws:ec2:image parameters", () => {
  it("answer the version at once, appear once EC2 knows the image, and never for an unknown one", async () => {
    const ami = publicImageId("us-east-1", "amzn2-ami-ecs-hvm-2.0.20260820-x86_64-ebs");
    expect(await ssm.call("PutParameter", { Name: "/golden-ami", Value: ami, Type: "String", DataType: "aws:ec2:image" })).toEqual({ Version: 1, Tier: "Standard" });
    expect((await ssm.error("GetParameter", { Name: "/golden-ami" })).code).toBe("ParameterNotFound");
    expect((await ssm.error("PutParameter", { Name: "/golden-ami", Value: ami, Type: "String", DataType: "aws:ec2:image", Overwrite: true })).code).toBe("TooManyUpdates");
    t.advance(IMAGE_VALIDATION_MS);
    expect((await ssm.call("GetParameter", { Name: "/golden-ami" })).Parameter).toMatchObject({ Value: ami, Version: 1, DataType: "aws:ec2:image" });
    expect(await ssm.call("PutParameter", { Name: "/golden-ami", Value: "ami-0000000000000", Overwrite: true })).toEqual({ Version: 2, Tier: "Standard" });
    t.advance(IMAGE_VALIDATION_MS);
    expect((await ssm.call("GetParameter", { Name: "/golden-ami" })).Parameter.Version).toBe(1);
    expect((await ssm.error("PutParameter", { Name: "/golden-ami", Value: "x", Type: "String", DataType: "text", Overwrite: true })).message).toBe(
      "The data type of a parameter can't be changed from aws:ec2:image to text.",
    );
    expect((await ssm.error("PutParameter", { Name: "/img2", Value: ami, Type: "StringList", DataType: "aws:ec2:image" })).message).toBe(
      "The data type aws:ec2:image is supported only for parameters of type String.",
    );
  });
});

describe("the parameterValue port", () => {
  it("resolves names, ARNs, versions, labels and public parameters to decrypted values", async () => {
    await ssm.call("PutParameter", { Name: "/app/db/password", Value: "v1", Type: "SecureString" });
    await ssm.call("PutParameter", { Name: "/app/db/password", Value: "v2", Overwrite: true });
    await ssm.call("LabelParameterVersion", { Name: "/app/db/password", ParameterVersion: 1, Labels: ["old"] });
    const port = t.local.registry.backends.ssm;
    const arn = "arn:aws:ssm:us-east-1:000000000000:parameter/app/db/password";
    expect(port.parameterValue("000000000000", "us-east-1", "/app/db/password")).toEqual({ name: "/app/db/password", arn, type: "SecureString", value: "v2", version: 2 });
    expect(port.parameterValue("000000000000", "us-east-1", arn)?.value).toBe("v2");
    expect(port.parameterValue("000000000000", "us-east-1", "/app/db/password:1")?.value).toBe("v1");
    expect(port.parameterValue("000000000000", "us-east-1", "/app/db/password:old")?.value).toBe("v1");
    expect(port.parameterValue("000000000000", "us-east-1", "/app/db/password:9")).toBeUndefined();
    expect(port.parameterValue("111122223333", "us-east-1", "/app/db/password")).toBeUndefined();
    expect(port.parameterValue("111122223333", "eu-west-1", `${AL2023}/recommended/image_id`)?.value).toBe(
      publicImageId("eu-west-1", "al2023-ami-ecs-hvm-2023.0.20260820-kernel-6.1-x86_64"),
    );
  });
});

describe("the AWS SDK v3 client", () => {
  it("parses our answers and our errors", async () => {
    const client = new SSMClient({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" } });
    expect((await client.send(new PutParameterCommand({ Name: "/sdk/p", Value: "v", Type: "SecureString" }))).Version).toBe(1);
    const got = await client.send(new GetParameterCommand({ Name: "/sdk/p", WithDecryption: true }));
    expect(got.Parameter?.Value).toBe("v");
    expect(got.Parameter?.LastModifiedDate).toEqual(new Date(t.clock.now()));
    const byPath = await client.send(new GetParametersByPathCommand({ Path: "/aws/service/ecs/optimized-ami/amazon-linux-2", MaxResults: 2 }));
    expect(byPath.Parameters?.map((p) => p.Name)).toHaveLength(2);
    const err = await client.send(new GetParameterCommand({ Name: "/sdk/none" })).catch((e) => e);
    expect(err).toBeInstanceOf(ParameterNotFound);
    client.destroy();
  });
});

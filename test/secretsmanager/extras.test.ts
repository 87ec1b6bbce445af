// Tags, resource policies, rotation (no Lambda here: refused as AWS refuses an uninvokable
// function), GetRandomPassword, and the real SDK v3 client parsing our answers.
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  PutSecretValueCommand,
  RotateSecretCommand,
  SecretsManagerClient,
  SecretsManagerServiceException,
} from "@aws-sdk/client-secrets-manager";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
let sm: JsonCalls;
let sdk: SecretsManagerClient;

beforeAll(async () => {
  t = await startLocal({ seed: "extras" });
  sm = jsonCalls(t, "secretsmanager");
  sdk = new SecretsManagerClient({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" } });
});
afterAll(() => {
  sdk.destroy();
  return t.close();
});
beforeEach(() => t.local.reset());

let n = 0;
const token = () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
const create = (name: string, extra: Record<string, unknown> = {}) => sm.call("CreateSecret", { Name: name, SecretString: "v", ClientRequestToken: token(), ...extra });
const tagsOf = async (id: string) => (await sm.call("DescribeSecret", { SecretId: id })).Tags;

describe("tags", () => {
  it("appends tags, replaces a key's value, removes keys, and keeps Tags once set", async () => {
    await create("t");
    expect(await tagsOf("t")).toBeUndefined();
    await sm.call("TagResource", { SecretId: "t", Tags: [{ Key: "tag1", Value: "value1" }] });
    await sm.call("TagResource", { SecretId: "t", Tags: [{ Key: "tag2", Value: "value2" }, { Key: "tag1", Value: "new" }] });
    expect(await tagsOf("t")).toEqual([
      { Key: "tag1", Value: "new" },
      { Key: "tag2", Value: "value2" },
    ]);
    await sm.call("UntagResource", { SecretId: "t", TagKeys: ["tag1", "tag2", "absent"] });
    expect(await tagsOf("t")).toEqual([]);
    expect(await sm.error("TagResource", { SecretId: "t", Tags: [{ Key: "aws:x", Value: "v" }] })).toEqual({
      status: 400,
      code: "InvalidParameterException",
      message: "Tag keys beginning with 'aws:' are reserved for AWS use.",
    });
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    expect((await sm.error("TagResource", { SecretId: "t", Tags: many })).message).toBe("A secret can have at most 50 tags.");
    expect(await tagsOf("t")).toEqual([]);
  });
});

describe("resource policies", () => {
  const policy = (principal: unknown) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: principal, Action: "secretsmanager:GetSecretValue", Resource: "*" }] });

  it("stores a policy as given, answers it, deletes it", async () => {
    const created = await create("p");
    const doc = policy({ AWS: "arn:aws:iam::123456789012:root" });
    expect(await sm.call("PutResourcePolicy", { SecretId: "p", ResourcePolicy: doc })).toEqual({ ARN: created.ARN, Name: "p" });
    expect(await sm.call("GetResourcePolicy", { SecretId: "p" })).toEqual({ ARN: created.ARN, Name: "p", ResourcePolicy: doc });
    expect(await sm.call("DeleteResourcePolicy", { SecretId: "p" })).toEqual({ ARN: created.ARN, Name: "p" });
    expect(await sm.call("GetResourcePolicy", { SecretId: "p" })).toEqual({ ARN: created.ARN, Name: "p" });
  });

  it("refuses a document that is not a policy, and a public one when told to block it", async () => {
    await create("p");
    for (const bad of ["{not json", JSON.stringify({ Version: "2019-10-19", Statement: [] }), JSON.stringify({ Statement: [{ Effect: "Allow", Action: "*" }] })]) {
      expect(await sm.error("PutResourcePolicy", { SecretId: "p", ResourcePolicy: bad })).toEqual({ status: 400, code: "MalformedPolicyDocumentException", message: "This policy has invalid syntax." });
    }
    expect((await sm.error("PutResourcePolicy", { SecretId: "p", ResourcePolicy: policy("*"), BlockPublicPolicy: true })).code).toBe("PublicPolicyException");
    expect((await sm.call("GetResourcePolicy", { SecretId: "p" })).ResourcePolicy).toBeUndefined();
    expect(await sm.call("ValidateResourcePolicy", { ResourcePolicy: policy({ AWS: "arn:aws:iam::123456789012:role/r" }) })).toEqual({ PolicyValidationPassed: true, ValidationErrors: [] });
    const broad = await sm.call("ValidateResourcePolicy", { SecretId: "p", ResourcePolicy: policy({ AWS: "*" }) });
    expect(broad.PolicyValidationPassed).toBe(false);
    expect(broad.ValidationErrors).toHaveLength(1);
  });
});

describe("rotation", () => {
  it("refuses to rotate without a rotation function, and with one (no Lambda can be invoked here), storing nothing", async () => {
    await create("r");
    expect(await sm.error("RotateSecret", { SecretId: "r", ClientRequestToken: token() })).toEqual({
      status: 400,
      code: "InvalidRequestException",
      message: "No Lambda rotation function ARN is associated with this secret.",
    });
    const err = await sdk.send(new RotateSecretCommand({ SecretId: "r", RotationLambdaARN: "arn:aws:lambda:us-east-1:000000000000:function:rotate", RotationRules: { AutomaticallyAfterDays: 30 } })).catch((e) => e);
    expect(err).toBeInstanceOf(SecretsManagerServiceException);
    expect([err.name, err.message]).toEqual([
      "AccessDeniedException",
      "Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.",
    ]);
    const described = await sm.call("DescribeSecret", { SecretId: "r" });
    expect([described.RotationEnabled, described.RotationLambdaARN, described.RotationRules]).toEqual([undefined, undefined, undefined]);
    expect(await sm.call("CancelRotateSecret", { SecretId: "r" })).toEqual({ ARN: described.ARN, Name: "r" });
  });
});

describe("GetRandomPassword", () => {
  it("is 32 characters of every type by default, and follows the exclusions", async () => {
    const p = (await sm.call("GetRandomPassword", {})).RandomPassword as string;
    expect(p).toHaveLength(32);
    for (const type of [/[a-z]/, /[A-Z]/, /[0-9]/, /[!-/:-@[-`{-~]/]) expect(p).toMatch(type);
    const q = (await sm.call("GetRandomPassword", { PasswordLength: 120, ExcludeCharacters: "xyzDje@?!.", ExcludeNumbers: true })).RandomPassword as string;
    expect(q).toHaveLength(120);
    expect(q).not.toMatch(/[xyzDje@?!.0-9 ]/);
    expect((await sm.call("GetRandomPassword", { PasswordLength: 8, ExcludePunctuation: true, ExcludeUppercase: true, ExcludeLowercase: true })).RandomPassword).toMatch(/^[0-9]{8}$/);
    expect((await sm.call("GetRandomPassword", { PasswordLength: 200, IncludeSpace: true, ExcludePunctuation: true, ExcludeNumbers: true })).RandomPassword).toMatch(/^[a-zA-Z ]{200}$/);
    expect(await sm.error("GetRandomPassword", { PasswordLength: 3 })).toEqual({ status: 400, code: "InvalidParameterException", message: "Password length is too short based on the required types." });
    expect((await sm.call("GetRandomPassword", { PasswordLength: 3, RequireEachIncludedType: false })).RandomPassword).toHaveLength(3);
    expect((await sm.error("GetRandomPassword", { ExcludeLowercase: true, ExcludeUppercase: true, ExcludeNumbers: true, ExcludePunctuation: true })).code).toBe("InvalidParameterException");
  });
});

describe("the SDK v3 client", () => {
  it("creates, puts, reads and lists with the real client (it fills ClientRequestToken itself)", async () => {
    const created = await sdk.send(new CreateSecretCommand({ Name: "sdk/secret", SecretString: "one", Tags: [{ Key: "k", Value: "v" }] }));
    expect(created.VersionId).toMatch(/^[0-9a-f-]{36}$/);
    await sdk.send(new PutSecretValueCommand({ SecretId: "sdk/secret", SecretBinary: Buffer.from("two") }));
    const current = await sdk.send(new GetSecretValueCommand({ SecretId: created.ARN }));
    expect(Buffer.from(current.SecretBinary!).toString()).toBe("two");
    expect(current.CreatedDate).toEqual(new Date(t.clock.now()));
    const previous = await sdk.send(new GetSecretValueCommand({ SecretId: "sdk/secret", VersionStage: "AWSPREVIOUS" }));
    expect([previous.SecretString, previous.VersionId]).toEqual(["one", created.VersionId]);
    const described = await sdk.send(new DescribeSecretCommand({ SecretId: "sdk/secret" }));
    expect(described.LastAccessedDate).toEqual(new Date(Math.floor(t.clock.now() / 86_400_000) * 86_400_000));
    expect((await sdk.send(new ListSecretsCommand({ Filters: [{ Key: "tag-key", Values: ["k"] }] }))).SecretList!.map((s) => s.Name)).toEqual(["sdk/secret"]);
    expect((await sdk.send(new GetRandomPasswordCommand({ PasswordLength: 12 }))).RandomPassword).toHaveLength(12);
    const missing = await sdk.send(new GetSecretValueCommand({ SecretId: "nope" })).catch((e) => e);
    expect([missing.name, missing.message]).toEqual(["ResourceNotFoundException", "Secrets Manager can't find the specified secret."]);
  });
});

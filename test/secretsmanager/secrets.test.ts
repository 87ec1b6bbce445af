// Secrets and their versions: creating, reading by name, ARN and partial ARN, new values moving
// AWSCURRENT and AWSPREVIOUS, custom labels, ClientRequestToken idempotency, and AWS's error texts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
let sm: JsonCalls;

beforeAll(async () => {
  t = await startLocal({ seed: "secrets" });
  sm = jsonCalls(t, "secretsmanager");
});
afterAll(() => t.close());
beforeEach(() => t.local.reset());

// Raw requests carry the token the SDKs and the CLI always send.
let n = 0;
const token = () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
const create = (name: string, extra: Record<string, unknown> = {}) => sm.call("CreateSecret", { Name: name, SecretString: "v1", ClientRequestToken: token(), ...extra });
const put = (id: string, value: string, extra: Record<string, unknown> = {}) => sm.call("PutSecretValue", { SecretId: id, SecretString: value, ClientRequestToken: token(), ...extra });
const stagesOf = async (id: string) => (await sm.call("DescribeSecret", { SecretId: id })).VersionIdsToStages;

describe("CreateSecret and GetSecretValue", () => {
  it("creates a secret whose ARN ends in six random characters, with its first version AWSCURRENT", async () => {
    const tok = token();
    const created = await sm.call("CreateSecret", { Name: "app/db", SecretString: '{"password":"p"}', Description: "db", ClientRequestToken: tok });
    expect(created).toEqual({ ARN: expect.stringMatching(/^arn:aws:secretsmanager:us-east-1:000000000000:secret:app\/db-[A-Za-z0-9]{6}$/), Name: "app/db", VersionId: tok });
    const value = await sm.call("GetSecretValue", { SecretId: "app/db" });
    expect(value).toEqual({ ARN: created.ARN, Name: "app/db", VersionId: tok, SecretString: '{"password":"p"}', VersionStages: ["AWSCURRENT"], CreatedDate: t.clock.now() / 1000 });
    // By full ARN and by partial ARN (without the suffix) alike.
    expect((await sm.call("GetSecretValue", { SecretId: created.ARN })).VersionId).toBe(tok);
    expect((await sm.call("GetSecretValue", { SecretId: created.ARN.slice(0, -7) })).VersionId).toBe(tok);
  });

  it("keeps a binary value as base64 and answers it so", async () => {
    await sm.call("CreateSecret", { Name: "bin", SecretBinary: Buffer.from([0, 1, 255]).toString("base64"), ClientRequestToken: token() });
    const value = await sm.call("GetSecretValue", { SecretId: "bin" });
    expect(value.SecretBinary).toBe("AAH/");
    expect(value.SecretString).toBeUndefined();
  });

  it("creates a secret without a value: no version until one is put, which becomes AWSCURRENT", async () => {
    const created = await sm.call("CreateSecret", { Name: "empty", Description: "" });
    expect(created.VersionId).toBeUndefined();
    const described = await sm.call("DescribeSecret", { SecretId: "empty" });
    expect(described).toEqual({ ARN: created.ARN, Name: "empty", LastChangedDate: t.clock.now() / 1000, CreatedDate: t.clock.now() / 1000 });
    expect(await sm.error("GetSecretValue", { SecretId: "empty" })).toMatchObject({ code: "ResourceNotFoundException", message: "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT" });
    const v = await put("empty", "x", { VersionStages: ["CUSTOM"] });
    expect(v.VersionStages).toEqual(["AWSCURRENT", "CUSTOM"]);
  });

  it("refuses a name taken, a name scheduled for deletion and a malformed name with AWS's texts", async () => {
    await create("taken");
    expect(await sm.error("CreateSecret", { Name: "taken", SecretString: "x", ClientRequestToken: token() })).toEqual({
      status: 400,
      code: "ResourceExistsException",
      message: "The operation failed because the secret taken already exists.",
    });
    await sm.call("DeleteSecret", { SecretId: "taken" });
    expect((await sm.error("CreateSecret", { Name: "taken", SecretString: "x", ClientRequestToken: token() })).message).toBe(
      "You can't create this secret because a secret with this name is already scheduled for deletion.",
    );
    for (const [op, input] of [
      ["CreateSecret", { Name: "Inv Name", SecretString: "x", ClientRequestToken: token() }],
      ["GetSecretValue", { SecretId: " Inv*Name? " }],
      ["DescribeSecret", { SecretId: "a b" }],
    ] as const) {
      expect(await sm.error(op, input)).toEqual({ status: 400, code: "ValidationException", message: "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!" });
    }
    expect((await sm.error("CreateSecret", { Name: "both", SecretString: "x", SecretBinary: "eA==", ClientRequestToken: token() })).message).toBe(
      "You can't specify both a binary secret value and a string secret value in the same secret.",
    );
    expect((await sm.call("ListSecrets", { IncludePlannedDeletion: true })).SecretList.map((s: any) => s.Name)).toEqual(["taken"]);
  });

  it("asks raw requests for the token the SDKs send", async () => {
    const missing = "You must provide a ClientRequestToken value. We recommend a UUID-type value.";
    expect(await sm.error("CreateSecret", { Name: "t", SecretString: "x" })).toMatchObject({ code: "InvalidRequestException", message: missing });
    expect(await sm.error("PutSecretValue", { SecretId: "nope", SecretString: "x" })).toMatchObject({ code: "InvalidRequestException", message: missing });
    expect(await sm.error("RotateSecret", { SecretId: "nope" })).toMatchObject({ code: "InvalidParameterException", message: missing });
  });

  it("answers a secret that is not there, by name, ARN or partial ARN", async () => {
    const arn = (await create("here")).ARN;
    const notFound = { status: 400, code: "ResourceNotFoundException", message: "Secrets Manager can't find the specified secret." };
    expect(await sm.error("GetSecretValue", { SecretId: "there" })).toEqual(notFound);
    expect(await sm.error("DescribeSecret", { SecretId: arn.slice(0, -6) + "zzzzzz" })).toEqual(notFound);
    expect(await sm.error("ListSecretVersionIds", { SecretId: arn.replace("us-east-1", "eu-west-1") })).toEqual(notFound);
    expect(await sm.error("GetSecretValue", { SecretId: "here" }, { region: "eu-west-1" })).toEqual(notFound);
  });

  it("does not find a name that ends like a suffix by partial ARN (it reads as a full ARN)", async () => {
    const arn = (await create("name-a1b2c3")).ARN;
    expect((await sm.error("GetSecretValue", { SecretId: arn.slice(0, -7) })).code).toBe("ResourceNotFoundException");
    expect((await sm.call("GetSecretValue", { SecretId: arn })).Name).toBe("name-a1b2c3");
  });
});

describe("versions and staging labels", () => {
  it("a new value becomes AWSCURRENT, the old one AWSPREVIOUS, and the one before loses its label", async () => {
    const v1 = (await create("s")).VersionId;
    const v2 = (await put("s", "v2")).VersionId;
    expect(await stagesOf("s")).toEqual({ [v1]: ["AWSPREVIOUS"], [v2]: ["AWSCURRENT"] });
    const v3 = (await sm.call("UpdateSecret", { SecretId: "s", SecretString: "v3", ClientRequestToken: token() })).VersionId;
    expect(await stagesOf("s")).toEqual({ [v2]: ["AWSPREVIOUS"], [v3]: ["AWSCURRENT"] });
    expect((await sm.call("GetSecretValue", { SecretId: "s", VersionStage: "AWSPREVIOUS" })).SecretString).toBe("v2");
    expect((await sm.call("GetSecretValue", { SecretId: "s", VersionId: v1 })).SecretString).toBe("v1");
    // The deprecated version is listed only on request, without labels.
    expect((await sm.call("ListSecretVersionIds", { SecretId: "s" })).Versions.map((v: any) => v.VersionId)).toEqual([v2, v3]);
    const all = await sm.call("ListSecretVersionIds", { SecretId: "s", IncludeDeprecated: true });
    expect(all.Versions[0]).toEqual({ VersionId: v1, CreatedDate: t.clock.now() / 1000, KmsKeyIds: ["DefaultEncryptionKey"], LastAccessedDate: expect.any(Number) });
  });

  it("custom labels move only when named; AWSPENDING stays beside AWSCURRENT", async () => {
    const v1 = (await create("c")).VersionId;
    const v2 = (await put("c", "v2", { VersionStages: ["one", "two", "three"] })).VersionId;
    const v3res = await put("c", "v3", { VersionStages: ["one", "two", "four"] });
    expect(v3res.VersionStages).toEqual(["four", "one", "two"]);
    expect(await stagesOf("c")).toEqual({ [v1]: ["AWSCURRENT"], [v2]: ["three"], [v3res.VersionId]: ["four", "one", "two"] });
    // A pending value does not replace the current one.
    const pending = (await put("c", "v4", { VersionStages: ["AWSPENDING"] })).VersionId;
    expect((await sm.call("GetSecretValue", { SecretId: "c" })).SecretString).toBe("v1");
    expect((await sm.call("GetSecretValue", { SecretId: "c", VersionStage: "AWSPENDING" })).VersionId).toBe(pending);
    await sm.call("UpdateSecretVersionStage", { SecretId: "c", VersionStage: "AWSCURRENT", MoveToVersionId: pending, RemoveFromVersionId: v1 });
    const after = await stagesOf("c");
    expect(after[pending]).toEqual(["AWSCURRENT", "AWSPENDING"]);
    expect(after[v1]).toEqual(["AWSPREVIOUS"]);
  });

  it("UpdateSecretVersionStage adds, moves and removes labels, refusing what AWS refuses", async () => {
    const v1 = (await create("u")).VersionId;
    const v2 = (await put("u", "v2")).VersionId;
    // Swapping AWSCURRENT back: the version it leaves takes AWSPREVIOUS.
    await sm.call("UpdateSecretVersionStage", { SecretId: "u", VersionStage: "AWSCURRENT", MoveToVersionId: v1, RemoveFromVersionId: v2 });
    expect(await stagesOf("u")).toEqual({ [v1]: ["AWSCURRENT"], [v2]: ["AWSPREVIOUS"] });
    expect(await sm.error("UpdateSecretVersionStage", { SecretId: "u", VersionStage: "AWSCURRENT", MoveToVersionId: v2 })).toEqual({
      status: 400,
      code: "InvalidParameterException",
      message: `The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is currently attached to version ${v1}, so you must explicitly reference that version in RemoveFromVersionId.`,
    });
    await sm.call("UpdateSecretVersionStage", { SecretId: "u", VersionStage: "LABEL1", MoveToVersionId: v2 });
    expect(await stagesOf("u")).toEqual({ [v1]: ["AWSCURRENT"], [v2]: ["AWSPREVIOUS", "LABEL1"] });
    await sm.call("UpdateSecretVersionStage", { SecretId: "u", VersionStage: "LABEL1", RemoveFromVersionId: v2 });
    expect(await stagesOf("u")).toEqual({ [v1]: ["AWSCURRENT"], [v2]: ["AWSPREVIOUS"] });
    expect((await sm.error("UpdateSecretVersionStage", { SecretId: "u", VersionStage: "LABEL1", RemoveFromVersionId: v2 })).message).toBe(`Version stage LABEL1 not found in version ${v2}`);
    expect((await sm.error("UpdateSecretVersionStage", { SecretId: "u", VersionStage: "X", MoveToVersionId: "00000000-0000-4000-8000-999999999999" })).message).toBe(
      "Not a valid version: 00000000-0000-4000-8000-999999999999",
    );
    expect(await stagesOf("u")).toEqual({ [v1]: ["AWSCURRENT"], [v2]: ["AWSPREVIOUS"] });
  });

  it("GetSecretValue answers a label or version that is not there, and a label not on the version", async () => {
    const v1 = (await create("g")).VersionId;
    expect(await sm.error("GetSecretValue", { SecretId: "g", VersionStage: "AWSPREVIOUS" })).toEqual({
      status: 400,
      code: "ResourceNotFoundException",
      message: "Secrets Manager can't find the specified secret value for staging label: AWSPREVIOUS",
    });
    const missing = "00000000-0000-4000-8000-000000000999";
    expect((await sm.error("GetSecretValue", { SecretId: "g", VersionId: missing })).message).toBe(`Secrets Manager can't find the specified secret value for VersionId: ${missing}`);
    expect(await sm.error("GetSecretValue", { SecretId: "g", VersionId: v1, VersionStage: "AWSPREVIOUS" })).toEqual({
      status: 400,
      code: "InvalidRequestException",
      message: "You provided a VersionStage that is not associated to the provided VersionId.",
    });
  });
});

describe("ClientRequestToken", () => {
  it("the same token and value again changes nothing; another value under it is refused", async () => {
    const tok = token();
    const first = await sm.call("CreateSecret", { Name: "i", SecretString: "Hello", ClientRequestToken: tok });
    expect(await sm.call("CreateSecret", { Name: "i", SecretString: "Hello", ClientRequestToken: tok })).toEqual(first);
    const inUse = `You can't use ClientRequestToken ${tok} because that value is already in use for a version of secret ${first.ARN}.`;
    expect(await sm.error("CreateSecret", { Name: "i", SecretString: "Hi", ClientRequestToken: tok })).toEqual({ status: 400, code: "ResourceExistsException", message: inUse });
    expect(await sm.call("PutSecretValue", { SecretId: first.ARN, SecretString: "Hello", ClientRequestToken: tok })).toEqual({ ...first, VersionStages: ["AWSCURRENT"] });
    expect(await sm.error("PutSecretValue", { SecretId: first.ARN, SecretString: "Hi", ClientRequestToken: tok })).toEqual({ status: 400, code: "ResourceExistsException", message: inUse });
    expect((await sm.call("UpdateSecret", { SecretId: "i", SecretString: "Hello", ClientRequestToken: tok })).VersionId).toBe(tok);
    expect((await sm.error("UpdateSecret", { SecretId: "i", SecretString: "Hi", ClientRequestToken: tok })).message).toBe(inUse);
    expect((await sm.call("ListSecretVersionIds", { SecretId: "i", IncludeDeprecated: true })).Versions).toHaveLength(1);
  });
});

describe("UpdateSecret and DescribeSecret", () => {
  it("changes the description and key without a new version; LastAccessedDate is the day of the last read", async () => {
    const created = await create("d", { Description: "first", Tags: [{ Key: "team", Value: "a" }] });
    t.advance(3_600_000);
    const updated = await sm.call("UpdateSecret", { SecretId: "d", Description: "second", KmsKeyId: "alias/my-key" });
    expect(updated).toEqual({ ARN: created.ARN, Name: "d" });
    await sm.call("GetSecretValue", { SecretId: "d" });
    const created0 = t.clock.now() / 1000 - 3600;
    const day = Math.floor(t.clock.now() / 86_400_000) * 86_400;
    expect(await sm.call("DescribeSecret", { SecretId: created.ARN })).toEqual({
      ARN: created.ARN,
      Name: "d",
      Description: "second",
      KmsKeyId: "alias/my-key",
      LastChangedDate: created0 + 3600,
      LastAccessedDate: day,
      Tags: [{ Key: "team", Value: "a" }],
      VersionIdsToStages: { [created.VersionId]: ["AWSCURRENT"] },
      CreatedDate: created0,
    });
    // New versions are encrypted with the new key; an empty key id goes back to the default.
    await put("d", "v2");
    expect((await sm.call("ListSecretVersionIds", { SecretId: "d" })).Versions.map((v: any) => v.KmsKeyIds)).toEqual([["DefaultEncryptionKey"], ["alias/my-key"]]);
    await sm.call("UpdateSecret", { SecretId: "d", KmsKeyId: "" });
    expect((await sm.call("DescribeSecret", { SecretId: "d" })).KmsKeyId).toBeUndefined();
    expect(await sm.error("UpdateSecret", { SecretId: "d", KmsKeyId: "not a key" })).toEqual({
      status: 400,
      code: "InvalidParameterException",
      message: "The operation failed because of an invalid KMS key: Invalid keyId",
    });
  });
});

// Parameter Store writes and reads: PutParameter's rules, versions, SecureStrings, selectors, labels;
// AWS's texts, character for character.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
let ssm: JsonCalls;
const ARN = "arn:aws:ssm:us-east-1:000000000000:parameter";
const ROOT = "arn:aws:iam::000000000000:root";

beforeAll(async () => {
  t = await startLocal();
  ssm = jsonCalls(t, "ssm");
});
afterAll(() => t.close());
beforeEach(() => t.local.reset());

const now = () => t.clock.now() / 1000;

describe("PutParameter and GetParameter", () => {
  it("create version 1, refuse a second put without Overwrite, and count versions with it", async () => {
    expect(await ssm.call("PutParameter", { Name: "/app/db/host", Value: "db.internal", Type: "String", Description: "the host" })).toEqual({ Version: 1, Tier: "Standard" });
    const created = now();
    expect(await ssm.error("PutParameter", { Name: "/app/db/host", Value: "other", Type: "String" })).toEqual({
      status: 400,
      code: "ParameterAlreadyExists",
      message: "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.",
    });
    t.advance(5_000);
    // Type may be left out when overwriting; the description is kept.
    expect(await ssm.call("PutParameter", { Name: "/app/db/host", Value: "db2.internal", Overwrite: true })).toEqual({ Version: 2, Tier: "Standard" });
    expect(await ssm.call("GetParameter", { Name: "/app/db/host" })).toEqual({
      Parameter: { Name: "/app/db/host", Type: "String", Value: "db2.internal", Version: 2, LastModifiedDate: created + 5, ARN: `${ARN}/app/db/host`, DataType: "text" },
    });
    expect((await ssm.call("GetParameter", { Name: "/app/db/host:1" })).Parameter).toMatchObject({ Value: "db.internal", Version: 1, Selector: ":1", LastModifiedDate: created });
    expect((await ssm.call("GetParameter", { Name: `${ARN}/app/db/host` })).Parameter.Value).toBe("db2.internal");
    expect((await ssm.call("GetParameter", { Name: `${ARN}/app/db/host:1` })).Parameter).toMatchObject({ Value: "db.internal", Selector: ":1", ARN: `${ARN}/app/db/host` });
    const [meta] = (await ssm.call("DescribeParameters", {})).Parameters;
    expect(meta).toEqual({
      Name: "/app/db/host",
      ARN: `${ARN}/app/db/host`,
      Type: "String",
      LastModifiedDate: created + 5,
      LastModifiedUser: ROOT,
      Description: "the host",
      Version: 2,
      Tier: "Standard",
      Policies: [],
      DataType: "text",
    });
  });

  it("answer a missing parameter or version as SSM does", async () => {
    expect(await ssm.error("GetParameter", { Name: "/nope" })).toEqual({ status: 400, code: "ParameterNotFound", message: "" });
    await ssm.call("PutParameter", { Name: "test-2", Value: "v", Type: "String" });
    expect(await ssm.error("GetParameter", { Name: "test-2:2" })).toEqual({
      status: 400,
      code: "ParameterVersionNotFound",
      message: "Systems Manager could not find version 2 of test-2. Verify the version and try again.",
    });
    expect((await ssm.error("GetParameter", { Name: "test-2:2:3" })).code).toBe("ParameterNotFound");
    expect((await ssm.error("GetParameter", { Name: "test-2:nolabel" })).code).toBe("ParameterNotFound");
    expect((await ssm.error("GetParameter", { Name: "arn:aws:ssm:us-east-1:111122223333:parameter/test-2" })).code).toBe("ParameterNotFound");
    expect(await ssm.error("GetParameter", { Name: "{test}-test" })).toEqual({
      status: 400,
      code: "ValidationException",
      message:
        `Parameter name: can't be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; ` +
        "each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_",
    });
  });

  it("take `name` and `/name` for one parameter, with ARN parameter/name", async () => {
    await ssm.call("PutParameter", { Name: "/with-slash", Value: "a", Type: "String" });
    expect((await ssm.call("GetParameter", { Name: "with-slash" })).Parameter).toMatchObject({ Name: "/with-slash", ARN: `${ARN}/with-slash` });
    expect((await ssm.error("PutParameter", { Name: "with-slash", Value: "b", Type: "String" })).code).toBe("ParameterAlreadyExists");
    await ssm.call("DeleteParameter", { Name: "with-slash" });
    expect((await ssm.error("GetParameter", { Name: "/with-slash" })).code).toBe("ParameterNotFound");
  });

  it("refuse the names SSM refuses, and reserved prefixes as AWS does", async () => {
    const invalid = (await ssm.error("PutParameter", { Name: "Dev MySQL DB", Value: "x", Type: "String" })).message;
    expect(invalid).toMatch(/^Parameter name: can't be prefixed with "ssm" \(case-insensitive\)\. If formed as a path/);
    for (const name of ["smpt/support", "/a//b", "/myPrefix/x@y.com"]) expect((await ssm.error("PutParameter", { Name: name, Value: "x", Type: "String" })).message).toBe(invalid);
    const aws = await t.raw("AmazonSSM.PutParameter", JSON.stringify({ Name: "awslimitschecker", Value: "x", Type: "String" }));
    expect([aws.status, aws.body]).toEqual([400, { __type: "AccessDeniedException", message: "No access to reserved parameter name: awslimitschecker." }]);
    const path = await t.raw("AmazonSSM.PutParameter", JSON.stringify({ Name: "/aws/service/mine", Value: "x", Type: "String" }));
    expect(path.body.message).toBe("No access to reserved parameter name: /aws/service/mine.");
    expect((await ssm.error("PutParameter", { Name: "/ssm/path/to/var", Value: "x", Type: "String" })).message).toBe(invalid);
    expect((await ssm.error("PutParameter", { Name: "ssm_test", Value: "x", Type: "String" })).message).toBe(`Parameter name: can't be prefixed with "aws" or "ssm" (case-insensitive).`);
    const deep = `/${Array.from({ length: 16 }, (_, i) => `l${i}`).join("/")}`;
    expect(await ssm.error("PutParameter", { Name: deep, Value: "x", Type: "String" })).toEqual({
      status: 400,
      code: "HierarchyLevelLimitExceededException",
      message: "A hierarchy can have a maximum of 15 levels. For more information, see Requirements and constraints for parameter names in the Amazon Web Services Systems Manager User Guide.",
    });
    await ssm.call("PutParameter", { Name: deep.slice(0, deep.lastIndexOf("/")), Value: "x", Type: "String" });
    expect((await ssm.call("DescribeParameters", {})).Parameters).toHaveLength(1);
  });

  it("check type, value, tier, tags with Overwrite and the allowed pattern", async () => {
    expect(await ssm.error("PutParameter", { Name: "p", Value: "x" })).toEqual({ status: 400, code: "ValidationException", message: "A parameter type is required when you create a parameter." });
    expect((await ssm.error("PutParameter", { Name: "p", Value: "x", Type: "str" })).message).toBe(
      "1 validation error detected: Value 'str' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [String, StringList, SecureString]",
    );
    expect((await ssm.error("PutParameter", { Name: "p", Value: "", Type: "String" })).message).toBe(
      "1 validation error detected: Value '' at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1.",
    );
    expect((await ssm.error("PutParameter", { Name: "p", Value: "{{ssm:other}}", Type: "String" })).message).toBe(`Parameter value can't nest another parameter. Do not use "{{}}" in the value.`);
    expect((await ssm.error("PutParameter", { Name: "p", Value: "x", Type: "String", Overwrite: true, Tags: [{ Key: "a", Value: "b" }] })).message).toBe(
      "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. " +
        "To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
    );
    expect((await ssm.error("PutParameter", { Name: "p", Value: "x", Type: "String", DataType: "not_text" })).message).toBe(
      "The following data type is not supported: not_text (Data type names are all lowercase.)",
    );
    expect(await ssm.error("PutParameter", { Name: "p", Value: "10000", Type: "String", AllowedPattern: "\\d{1,4}" })).toEqual({
      status: 400,
      code: "ParameterPatternMismatchException",
      message: "Parameter value, cannot be validated against allowedPattern: \\d{1,4}",
    });
    expect((await ssm.error("PutParameter", { Name: "p", Value: "x", Type: "String", AllowedPattern: "(" })).code).toBe("InvalidAllowedPatternException");
    expect((await ssm.error("PutParameter", { Name: "p", Value: "x".repeat(4097), Type: "String" })).message).toMatch(
      /^Standard tier parameters support a maximum parameter value of 4096 characters\. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier\./,
    );
    expect(await ssm.call("PutParameter", { Name: "p", Value: "1234", Type: "String", AllowedPattern: "\\d{1,4}" })).toEqual({ Version: 1, Tier: "Standard" });
    // The pattern stays with the parameter: an overwrite is checked against it too.
    expect((await ssm.error("PutParameter", { Name: "p", Value: "abc", Overwrite: true })).code).toBe("ParameterPatternMismatchException");
    expect((await ssm.call("DescribeParameters", {})).Parameters).toMatchObject([{ Name: "p", Version: 1, AllowedPattern: "\\d{1,4}" }]);
  });

  it("move between tiers up, never down, and pick one with Intelligent-Tiering", async () => {
    expect(await ssm.call("PutParameter", { Name: "big", Value: "x".repeat(5000), Type: "String", Tier: "Intelligent-Tiering" })).toEqual({ Version: 1, Tier: "Advanced" });
    expect(await ssm.call("PutParameter", { Name: "small", Value: "x", Type: "String", Tier: "Intelligent-Tiering" })).toEqual({ Version: 1, Tier: "Standard" });
    expect(await ssm.call("PutParameter", { Name: "small", Value: "y", Tier: "Advanced", Overwrite: true })).toEqual({ Version: 2, Tier: "Advanced" });
    expect((await ssm.error("PutParameter", { Name: "small", Value: "z", Tier: "Standard", Overwrite: true })).message).toMatch(
      /^This parameter uses the advanced-parameter tier\. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier\./,
    );
    // Left out, the tier stays the parameter's own.
    expect(await ssm.call("PutParameter", { Name: "small", Value: "z", Overwrite: true })).toEqual({ Version: 3, Tier: "Advanced" });
    expect((await ssm.error("PutParameter", { Name: "huge", Value: "x".repeat(8193), Type: "String", Tier: "Advanced" })).message).toBe(
      "Advanced tier parameters support a maximum parameter value of 8192 characters.",
    );
  });

  it("refuse a new parameter past the account's 10,000 standard ones in a region", async () => {
    const state = t.local.registry.backends.ssm.states.get("000000000000", "us-east-1");
    const v = { version: 1, type: "String" as const, value: "v", tier: "Standard" as const, dataType: "text", lastModifiedDate: 0, lastModifiedUser: ROOT, labels: [] };
    for (let i = 0; i < 10_000; i++) state.parameters.set(`p${i}`, { name: `p${i}`, versions: [{ ...v }], tags: [] });
    expect(await ssm.error("PutParameter", { Name: "one-more", Value: "v", Type: "String" })).toEqual({
      status: 400,
      code: "ParameterLimitExceeded",
      message:
        "You have reached the maximum number of standard parameters for this AWS account and Region (10000). " +
        "To add more parameters, either delete existing parameters or upgrade to the advanced-parameter tier (charges apply).",
    });
    expect(await ssm.call("PutParameter", { Name: "one-more", Value: "v", Type: "String", Tier: "Advanced" })).toEqual({ Version: 1, Tier: "Advanced" });
    expect(await ssm.call("PutParameter", { Name: "p0", Value: "w", Overwrite: true })).toEqual({ Version: 2, Tier: "Standard" });
  });

  it("keep 100 versions, the oldest going unless it is labelled", async () => {
    await ssm.call("PutParameter", { Name: "many", Value: "v1", Type: "String" });
    for (let i = 2; i <= 101; i++) await ssm.call("PutParameter", { Name: "many", Value: `v${i}`, Overwrite: true });
    const history = async () => {
      const out = [];
      let token;
      do {
        const r: any = await ssm.call("GetParameterHistory", { Name: "many", MaxResults: 50, ...(token ? { NextToken: token } : {}) });
        out.push(...r.Parameters);
        token = r.NextToken;
      } while (token);
      return out;
    };
    const kept = await history();
    expect([kept.length, kept[0].Version, kept[99].Version]).toEqual([100, 2, 101]);
    await ssm.call("LabelParameterVersion", { Name: "many", ParameterVersion: 2, Labels: ["keep"] });
    expect(await ssm.error("PutParameter", { Name: "many", Value: "v102", Overwrite: true })).toEqual({
      status: 400,
      code: "ParameterMaxVersionLimitExceeded",
      message:
        "You attempted to create a new version of many by calling the PutParameter API with the overwrite flag. Version 2, the oldest version, can't be deleted " +
        "because it has a label associated with it. Move the label to another version of the parameter, and try again.",
    });
    expect((await ssm.call("GetParameter", { Name: "many" })).Parameter.Version).toBe(101);
  });
});

describe("SecureString", () => {
  it("is read encrypted without decryption, in clear with it, under alias/aws/ssm by default", async () => {
    await ssm.call("PutParameter", { Name: "/app/secret", Value: "hunter2", Type: "SecureString" });
    const plain = (await ssm.call("GetParameter", { Name: "/app/secret", WithDecryption: true })).Parameter;
    expect(plain).toMatchObject({ Type: "SecureString", Value: "hunter2", Version: 1 });
    const sealed = (await ssm.call("GetParameter", { Name: "/app/secret" })).Parameter.Value;
    expect(sealed).toMatch(/^AQICAH[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain("hunter2");
    expect((await ssm.call("GetParameter", { Name: "/app/secret" })).Parameter.Value).toBe(sealed);
    expect((await ssm.call("DescribeParameters", {})).Parameters[0]).toMatchObject({ Type: "SecureString", KeyId: "alias/aws/ssm" });
    const history = (await ssm.call("GetParameterHistory", { Name: "/app/secret" })).Parameters[0];
    expect([history.KeyId, history.Value]).toEqual(["alias/aws/ssm", sealed]);
    expect((await ssm.call("GetParameterHistory", { Name: "/app/secret", WithDecryption: true })).Parameters[0].Value).toBe("hunter2");
  });

  it("takes a key id, key ARN or alias, refuses a malformed one and a KeyId on a String", async () => {
    const key = "arn:aws:kms:us-east-1:000000000000:key/0f9b04ee-ab13-4f35-a2b2-d0902bfe6a1e";
    await ssm.call("PutParameter", { Name: "k1", Value: "s", Type: "SecureString", KeyId: key });
    await ssm.call("PutParameter", { Name: "k2", Value: "s", Type: "SecureString", KeyId: "alias/app" });
    expect((await ssm.call("DescribeParameters", { ParameterFilters: [{ Key: "KeyId", Values: [key] }] })).Parameters.map((p: any) => p.Name)).toEqual(["k1"]);
    const bad = await ssm.error("PutParameter", { Name: "k3", Value: "s", Type: "SecureString", KeyId: "not-a-key" }, { headers: {} });
    expect(bad.code).toBe("InvalidKeyId");
    expect(bad.message).toMatch(/^Invalid keyId not-a-key \(Service: AWSKMS; Status Code: 400; Error Code: NotFoundException; Request ID: [0-9a-f-]{36}; Proxy: null\)$/);
    expect((await ssm.error("PutParameter", { Name: "k4", Value: "s", Type: "String", KeyId: "alias/app" })).message).toBe("KeyId is required for SecureString type parameter only.");
    // Overwriting keeps the key; a new type drops it.
    await ssm.call("PutParameter", { Name: "k2", Value: "t", Overwrite: true });
    await ssm.call("PutParameter", { Name: "k1", Value: "plain", Type: "String", Overwrite: true });
    const described = (await ssm.call("DescribeParameters", {})).Parameters;
    expect(described.map((p: any) => [p.Name, p.Type, p.KeyId])).toEqual([
      ["k1", "String", undefined],
      ["k2", "SecureString", "alias/app"],
    ]);
  });
});

describe("labels", () => {
  it("move between versions, select a version, and come back invalid when SSM refuses them", async () => {
    await ssm.call("PutParameter", { Name: "/cfg/endpoint", Value: "june", Type: "String" });
    await ssm.call("PutParameter", { Name: "/cfg/endpoint", Value: "july", Overwrite: true });
    expect(await ssm.call("LabelParameterVersion", { Name: "/cfg/endpoint", ParameterVersion: 1, Labels: ["Current", "aws-x", "1st", "ok.label", "bad label"] })).toEqual({
      InvalidLabels: ["aws-x", "1st", "bad label"],
      ParameterVersion: 1,
    });
    expect((await ssm.call("GetParameter", { Name: "/cfg/endpoint:Current" })).Parameter).toMatchObject({ Value: "june", Version: 1, Selector: ":Current" });
    expect(await ssm.call("LabelParameterVersion", { Name: "/cfg/endpoint", Labels: ["Current"] })).toEqual({ InvalidLabels: [], ParameterVersion: 2 });
    const history = (await ssm.call("GetParameterHistory", { Name: "/cfg/endpoint" })).Parameters;
    expect(history.map((h: any) => [h.Version, h.Labels])).toEqual([
      [1, ["ok.label"]],
      [2, ["Current"]],
    ]);
    expect(history[0]).toEqual({
      Name: "/cfg/endpoint",
      Type: "String",
      LastModifiedDate: now(),
      LastModifiedUser: ROOT,
      Value: "june",
      Version: 1,
      Labels: ["ok.label"],
      Tier: "Standard",
      Policies: [],
      DataType: "text",
    });
    expect(await ssm.call("UnlabelParameterVersion", { Name: "/cfg/endpoint", ParameterVersion: 2, Labels: ["Current", "ok.label"] })).toEqual({
      RemovedLabels: ["Current"],
      InvalidLabels: ["ok.label"],
    });
    expect((await ssm.error("GetParameter", { Name: "/cfg/endpoint:Current" })).code).toBe("ParameterNotFound");
  });

  it("are at most ten a version, on versions and parameters that exist", async () => {
    await ssm.call("PutParameter", { Name: "l", Value: "v", Type: "String" });
    await ssm.call("LabelParameterVersion", { Name: "l", Labels: Array.from({ length: 10 }, (_, i) => `L${i}`) });
    expect(await ssm.error("LabelParameterVersion", { Name: "l", Labels: ["L10"] })).toEqual({
      status: 400,
      code: "ParameterVersionLabelLimitExceeded",
      message: "A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.",
    });
    expect((await ssm.error("LabelParameterVersion", { Name: "l", ParameterVersion: 3, Labels: ["x"] })).message).toBe(
      "Systems Manager could not find version 3 of l. Verify the version and try again.",
    );
    expect(await ssm.error("LabelParameterVersion", { Name: "missing", Labels: ["x"] })).toEqual({ status: 400, code: "ParameterNotFound", message: "" });
    expect((await ssm.error("UnlabelParameterVersion", { Name: "l", ParameterVersion: 2, Labels: ["x"] })).code).toBe("ParameterVersionNotFound");
  });
});

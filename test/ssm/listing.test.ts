// Reading many parameters: GetParameters, GetParametersByPath, DescribeParameters with their filters
// and pages; deleting many; tags.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
let ssm: JsonCalls;

beforeAll(async () => {
  t = await startLocal();
  ssm = jsonCalls(t, "ssm");
});
afterAll(() => t.close());
beforeEach(() => t.local.reset());

async function put(Name: string, Value: string, extra: Record<string, unknown> = {}) {
  await ssm.call("PutParameter", { Name, Value, Type: "String", ...extra });
}

/** Every page of an operation, followed by NextToken. */
async function all(op: string, input: Record<string, unknown>): Promise<{ items: any[]; pages: number }> {
  const items: any[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const r: any = await ssm.call(op, { ...input, ...(token ? { NextToken: token } : {}) });
    items.push(...r.Parameters);
    token = r.NextToken;
    pages++;
  } while (token);
  return { items, pages };
}

describe("GetParameters", () => {
  it("answers found names alphabetically, the rest in InvalidParameters", async () => {
    await put("MyStringParameter", "Vici");
    await ssm.call("PutParameter", { Name: "MyStringListParameter", Value: "alpha,beta,gamma", Type: "StringList" });
    const r = await ssm.call("GetParameters", { Names: ["MyStringParameter", "MyStringListParameter", "MyInvalidParameterName", "MyStringParameter:9", "bad name"] });
    expect(r.Parameters.map((p: any) => [p.Name, p.Type, p.Value])).toEqual([
      ["MyStringListParameter", "StringList", "alpha,beta,gamma"],
      ["MyStringParameter", "String", "Vici"],
    ]);
    expect(r.InvalidParameters).toEqual(["MyInvalidParameterName", "MyStringParameter:9", "bad name"]);
    const eleven = Array.from({ length: 11 }, (_, i) => `n${i}`);
    expect((await ssm.error("GetParameters", { Names: eleven })).message).toBe(
      `1 validation error detected: Value '[${eleven.join(", ")}]' at 'names' failed to satisfy constraint: Member must have length less than or equal to 10`,
    );
  });
});

describe("GetParametersByPath", () => {
  beforeEach(async () => {
    for (const n of ["/site/ny/marketing", "/site/ny/infotech", "/site/ny/floor/1", "/site/la/sales", "/site/root", "/other/x", "plain"]) await put(n, n);
    await ssm.call("PutParameter", { Name: "/site/ny/secret", Value: "pw", Type: "SecureString" });
  });

  it("lists one level, or every level with Recursive, a trailing slash or not", async () => {
    const one = await all("GetParametersByPath", { Path: "/site/ny/" });
    expect(one.items.map((p) => p.Name)).toEqual(["/site/ny/infotech", "/site/ny/marketing", "/site/ny/secret"]);
    expect(one.items[2].Value).toMatch(/^AQICAH/);
    expect((await all("GetParametersByPath", { Path: "/site/ny", WithDecryption: true })).items[2].Value).toBe("pw");
    const deep = await all("GetParametersByPath", { Path: "/site", Recursive: true });
    expect(deep.items.map((p) => p.Name)).toEqual(["/site/la/sales", "/site/ny/floor/1", "/site/ny/infotech", "/site/ny/marketing", "/site/ny/secret", "/site/root"]);
    expect((await all("GetParametersByPath", { Path: "/" })).items.map((p) => p.Name)).toEqual(["plain"]);
    // A parameter's own name is no hierarchy: nothing is under it (aws/aws-sdk-js-v3#5928).
    expect((await ssm.call("GetParametersByPath", { Path: "/site/root" })).Parameters).toEqual([]);
  });

  it("pages by MaxResults, 1 to 10, and filters by Type, KeyId and Label", async () => {
    const paged = await all("GetParametersByPath", { Path: "/", Recursive: true, MaxResults: 3 });
    expect([paged.items.length, paged.pages]).toEqual([8, 3]);
    expect((await ssm.error("GetParametersByPath", { Path: "/", MaxResults: 11 })).message).toBe(
      "1 validation error detected: Value '11' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10",
    );
    const secure = await all("GetParametersByPath", { Path: "/site", Recursive: true, ParameterFilters: [{ Key: "Type", Values: ["SecureString"] }] });
    expect(secure.items.map((p) => p.Name)).toEqual(["/site/ny/secret"]);
    const byKey = await all("GetParametersByPath", { Path: "/site", Recursive: true, ParameterFilters: [{ Key: "KeyId", Option: "BeginsWith", Values: ["alias/aws"] }] });
    expect(byKey.items.map((p) => p.Name)).toEqual(["/site/ny/secret"]);
    await put("/site/la/sales", "v2", { Type: undefined, Overwrite: true });
    await ssm.call("LabelParameterVersion", { Name: "/site/la/sales", ParameterVersion: 1, Labels: ["prod"] });
    const labelled = await all("GetParametersByPath", { Path: "/site", Recursive: true, ParameterFilters: [{ Key: "Label", Values: ["prod"] }] });
    expect(labelled.items.map((p) => [p.Name, p.Version, p.Value])).toEqual([["/site/la/sales", 1, "/site/la/sales"]]);
  });

  it("refuses a path, key or option SSM refuses", async () => {
    expect(await ssm.error("GetParametersByPath", { Path: "site" })).toEqual({
      status: 400,
      code: "ValidationException",
      message:
        `The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can't be prefixed with \\"aws\\" or \\"ssm\\" (case-insensitive). ` +
        `It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". ` +
        "Valid example: /get/parameters2-/by1./path0_.",
    });
    for (const key of ["Name", "Path", "Tier"]) {
      expect(await ssm.error("GetParametersByPath", { Path: "/site", ParameterFilters: [{ Key: key, Values: ["x"] }] })).toEqual({
        status: 400,
        code: "InvalidFilterKey",
        message: `The following filter key is not valid: ${key}. Valid filter keys include: [Type, KeyId].`,
      });
    }
    expect((await ssm.error("GetParametersByPath", { Path: "/site", ParameterFilters: [{ Key: "Label", Option: "BeginsWith", Values: ["p"] }] })).message).toBe(
      "The following filter option is not valid: BeginsWith. Valid options include: [Equals].",
    );
    expect((await ssm.error("GetParametersByPath", { Path: "/site", NextToken: "garbage" })).code).toBe("InvalidNextToken");
  });
});

describe("DescribeParameters", () => {
  beforeEach(async () => {
    for (let i = 0; i < 12; i++) await put(`/app/p${String(i).padStart(2, "0")}`, "v", i % 4 === 0 ? { Tier: "Advanced" } : {});
    await ssm.call("PutParameter", { Name: "/app/key", Value: "s", Type: "SecureString", Tags: [{ Key: "team", Value: "red" }] });
    await ssm.call("PutParameter", { Name: "/db/list", Value: "a,b", Type: "StringList" });
    await put("top", "v");
  });

  it("pages every parameter ten at a time and filters each page, so pages may come short", async () => {
    const plain = await all("DescribeParameters", {});
    expect([plain.items.length, plain.pages]).toEqual([15, 2]);
    const first = await ssm.call("DescribeParameters", { ParameterFilters: [{ Key: "Tier", Values: ["Advanced"] }] });
    expect(first.Parameters.map((p: any) => p.Name)).toEqual(["/app/p00", "/app/p04", "/app/p08"]);
    expect(typeof first.NextToken).toBe("string");
    const advanced = await all("DescribeParameters", { MaxResults: 50, ParameterFilters: [{ Key: "Tier", Values: ["Advanced"] }] });
    expect([advanced.items.length, advanced.pages]).toEqual([3, 1]);
  });

  it("filter by name, path, type, key, tag and data type; legacy Filters too", async () => {
    const names = async (filters: unknown) => (await all("DescribeParameters", { MaxResults: 50, ParameterFilters: filters })).items.map((p) => p.Name);
    expect(await names([{ Key: "Name", Values: ["top"] }])).toEqual(["top"]);
    expect(await names([{ Key: "Name", Values: ["/top"] }])).toEqual(["top"]);
    expect(await names([{ Key: "Name", Option: "Contains", Values: ["p1"] }])).toEqual(["/app/p10", "/app/p11"]);
    expect(await names([{ Key: "Name", Option: "BeginsWith", Values: ["/db"] }])).toEqual(["/db/list"]);
    expect(await names([{ Key: "Path", Values: ["/db"] }])).toEqual(["/db/list"]);
    expect(await names([{ Key: "Path", Option: "OneLevel", Values: ["/"] }])).toEqual(["top"]);
    expect((await names([{ Key: "Path", Option: "Recursive", Values: ["/"] }])).length).toBe(15);
    expect(await names([{ Key: "Type", Values: ["StringList", "SecureString"] }])).toEqual(["/app/key", "/db/list"]);
    expect(await names([{ Key: "KeyId", Values: ["alias/aws/ssm"] }])).toEqual(["/app/key"]);
    expect(await names([{ Key: "tag:team", Values: ["red"] }])).toEqual(["/app/key"]);
    expect(await names([{ Key: "tag:team" }])).toEqual(["/app/key"]);
    expect(await names([{ Key: "DataType", Values: ["text"] }, { Key: "Name", Option: "BeginsWith", Values: ["/db"] }])).toEqual(["/db/list"]);
    const legacy = await all("DescribeParameters", { MaxResults: 50, Filters: [{ Key: "Type", Values: ["StringList"] }] });
    expect(legacy.items.map((p) => p.Name)).toEqual(["/db/list"]);
  });

  it("refuse filters as SSM does", async () => {
    const err = (filters: unknown) => ssm.error("DescribeParameters", { ParameterFilters: filters });
    expect(await err([{ Key: "Label", Values: ["x"] }])).toEqual({
      status: 400,
      code: "InvalidFilterKey",
      message: "The following filter key is not valid: Label. Valid filter keys include: [Path, Name, Type, KeyId, Tier].",
    });
    expect((await err([{ Key: "Name" }])).message).toBe("The following filter values are missing : null for filter key Name.");
    expect((await err([{ Key: "Name", Values: ["a"] }, { Key: "Name", Values: ["b"] }])).message).toBe(
      "The following filter is duplicated in the request: Name. A request can contain only one occurrence of a specific filter.",
    );
    expect(await err([{ Key: "Path", Option: "Equals", Values: ["/a"] }])).toEqual({
      status: 400,
      code: "InvalidFilterOption",
      message: "The following filter option is not valid: Equals. Valid options include: [Recursive, OneLevel].",
    });
    expect((await err([{ Key: "Path", Values: ["/aws/service"] }])).message).toBe(
      `Filters for common parameters can't be prefixed with "aws" or "ssm" (case-insensitive). When using global parameters, please specify within a global namespace.`,
    );
    expect((await err([{ Key: "Type", Values: ["Str"] }])).message).toBe("The following filter value is not valid: Str. Valid values include: [String, StringList, SecureString].");
    expect((await err([{ Key: "Type", Option: "Contains", Values: ["String"] }])).message).toBe("The following filter option is not valid: Contains. Valid options include: [BeginsWith, Equals].");
    expect((await err([{ Key: "Owner", Values: ["x"] }])).code).toBe("ValidationException");
    expect((await ssm.error("DescribeParameters", { Filters: [{ Key: "Name", Values: ["a"] }], ParameterFilters: [{ Key: "Name", Values: ["a"] }] })).message).toBe(
      "You can use either Filters or ParameterFilters in a single request.",
    );
  });
});

describe("DeleteParameters and tags", () => {
  it("deletes what exists and lists the rest as invalid", async () => {
    await put("MyFirstParameter", "1");
    await put("/MySecondParameter", "2");
    expect(await ssm.call("DeleteParameters", { Names: ["MyFirstParameter", "MySecondParameter", "MyInvalidParameterName"] })).toEqual({
      DeletedParameters: ["MyFirstParameter", "MySecondParameter"],
      InvalidParameters: ["MyInvalidParameterName"],
    });
    expect((await ssm.call("DescribeParameters", {})).Parameters).toEqual([]);
    const reserved = await t.raw("AmazonSSM.DeleteParameter", JSON.stringify({ Name: "aws-cdk-playground" }));
    expect(reserved.body).toEqual({ __type: "AccessDeniedException", message: "No access to reserved parameter name: aws-cdk-playground." });
    expect(await ssm.error("DeleteParameter", { Name: "gone" })).toEqual({ status: 400, code: "ParameterNotFound", message: "" });
  });

  it("are added, replaced, listed, removed, at most 50", async () => {
    await put("tagged", "v", { Tags: [{ Key: "a", Value: "1" }] });
    await ssm.call("AddTagsToResource", { ResourceType: "Parameter", ResourceId: "tagged", Tags: [{ Key: "b", Value: "2" }, { Key: "a", Value: "3" }] });
    expect(await ssm.call("ListTagsForResource", { ResourceType: "Parameter", ResourceId: "/tagged" })).toEqual({ TagList: [{ Key: "a", Value: "3" }, { Key: "b", Value: "2" }] });
    await ssm.call("RemoveTagsFromResource", { ResourceType: "Parameter", ResourceId: "tagged", TagKeys: ["a", "zzz"] });
    expect((await ssm.call("ListTagsForResource", { ResourceType: "Parameter", ResourceId: "tagged" })).TagList).toEqual([{ Key: "b", Value: "2" }]);
    const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    expect((await ssm.error("AddTagsToResource", { ResourceType: "Parameter", ResourceId: "tagged", Tags: many })).code).toBe("TooManyTagsError");
    expect((await ssm.call("ListTagsForResource", { ResourceType: "Parameter", ResourceId: "tagged" })).TagList).toHaveLength(1);
    expect(await ssm.error("ListTagsForResource", { ResourceType: "Parameter", ResourceId: "nope" })).toEqual({ status: 400, code: "InvalidResourceId", message: "" });
    expect((await ssm.error("ListTagsForResource", { ResourceType: "Document", ResourceId: "tagged" })).code).toBe("InvalidResourceId");
  });
});

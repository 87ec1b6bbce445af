// ListSecrets (filters with Secrets Manager's prefix, word and negation rules, sorting, paging,
// secrets scheduled for deletion) and BatchGetSecretValue (by id list with per-secret errors, by filter).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
let sm: JsonCalls;

beforeAll(async () => {
  t = await startLocal({ seed: "listing" });
  sm = jsonCalls(t, "secretsmanager");
});
afterAll(() => t.close());
beforeEach(() => t.local.reset());

let n = 0;
const token = () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
const create = async (name: string, extra: Record<string, unknown> = {}) => {
  t.advance(1000);
  return sm.call("CreateSecret", { Name: name, SecretString: `value of ${name}`, ClientRequestToken: token(), ...extra });
};
const names = async (input: Record<string, unknown>) => (await sm.call("ListSecrets", input)).SecretList.map((s: any) => s.Name);
const filter = (Key: string, ...Values: string[]) => ({ Filters: [{ Key, Values }] });

describe("ListSecrets filters", () => {
  beforeEach(async () => {
    await create("testing1/one", { Description: "a secret" });
    await create("/testing2/two", { Description: "an secret", Tags: [{ Key: "Prod", Value: "Blue" }] });
    await create("testing3/three", { Description: "asecret", Tags: [{ Key: "prod", Value: "green" }] });
    await create("/testing4/four", { Description: "thesecret" });
    await create("uat/COMPANYthings/x", { Tags: [{ Key: "Production1", Value: "MyTestPhrase" }] });
  });

  it("name, tag-key and tag-value match the beginning, case-sensitive; ! negates", async () => {
    expect(await names(filter("name", "/"))).toEqual(["/testing2/two", "/testing4/four"]);
    expect(await names(filter("name", "!/"))).toEqual(["testing1/one", "testing3/three", "uat/COMPANYthings/x"]);
    expect(await names(filter("name", "testing1 one"))).toEqual([]);
    expect(await names(filter("tag-key", "Prod"))).toEqual(["/testing2/two", "uat/COMPANYthings/x"]);
    expect(await names(filter("tag-value", "gre"))).toEqual(["testing3/three"]);
    expect(await names(filter("primary-region", "us-east"))).toHaveLength(5);
    expect(await names(filter("owning-service", "rds"))).toEqual([]);
  });

  it("description matches words by their beginning, not case-sensitive; every word of the value must match", async () => {
    expect(await names(filter("description", "a"))).toEqual(["testing1/one", "/testing2/two", "testing3/three"]);
    expect(await names(filter("description", "!a"))).toEqual(["/testing4/four", "uat/COMPANYthings/x"]);
    expect(await names(filter("description", "A Secret"))).toEqual(["testing1/one", "/testing2/two"]);
    expect(await names(filter("description", "!c"))).toHaveLength(5);
  });

  it("all splits words at punctuation and case changes, in the name, description, tag keys and values", async () => {
    expect(await names(filter("all", "company"))).toEqual([]);
    expect(await names(filter("all", "Ythings"))).toEqual(["uat/COMPANYthings/x"]);
    expect(await names(filter("all", "things"))).toEqual([]);
    expect(await names(filter("all", "test phr"))).toEqual(["uat/COMPANYthings/x"]);
    expect(await names(filter("all", "blue"))).toEqual(["/testing2/two"]);
    expect(await names(filter("all", "+"))).toEqual([]);
  });

  it("values of a filter are alternatives; filters (one key twice too) must all match", async () => {
    expect(await names(filter("name", "testing1", "testing3"))).toEqual(["testing1/one", "testing3/three"]);
    expect(await names({ Filters: [{ Key: "description", Values: ["a"] }, { Key: "name", Values: ["/"] }] })).toEqual(["/testing2/two"]);
    expect(await names({ Filters: [{ Key: "description", Values: ["a"] }, { Key: "description", Values: ["an"] }] })).toEqual(["/testing2/two"]);
  });

  it("refuses a filter without a key or values, and a key outside the model", async () => {
    expect(await sm.error("ListSecrets", { Filters: [{ Values: ["x"] }] })).toEqual({ status: 400, code: "InvalidParameterException", message: "Invalid filter key" });
    expect(await sm.error("ListSecrets", { Filters: [{ Key: "description" }] })).toEqual({ status: 400, code: "InvalidParameterException", message: "Invalid filter values for key: description" });
    expect((await sm.error("ListSecrets", { Filters: [{ Key: "color", Values: ["x"] }] })).code).toBe("ValidationException");
  });
});

describe("ListSecrets order, pages and deleted secrets", () => {
  it("lists by creation date, ascending unless told; sorts by name; pages with NextToken", async () => {
    for (const name of ["b", "c", "a"]) await create(name);
    expect(await names({})).toEqual(["b", "c", "a"]);
    expect(await names({ SortOrder: "desc" })).toEqual(["a", "c", "b"]);
    expect(await names({ SortBy: "name" })).toEqual(["a", "b", "c"]);
    const first = await sm.call("ListSecrets", { MaxResults: 2 });
    expect(first.SecretList.map((s: any) => s.Name)).toEqual(["b", "c"]);
    const second = await sm.call("ListSecrets", { MaxResults: 2, NextToken: first.NextToken });
    expect(second.SecretList.map((s: any) => s.Name)).toEqual(["a"]);
    expect(second.NextToken).toBeUndefined();
    expect(await sm.error("ListSecrets", { NextToken: "bm90IGEgdG9rZW4=" })).toEqual({ status: 400, code: "InvalidNextTokenException", message: "The NextToken value is invalid." });
  });

  it("leaves secrets scheduled for deletion out unless IncludePlannedDeletion", async () => {
    const kept = await create("kept");
    await create("gone");
    await sm.call("DeleteSecret", { SecretId: "gone", RecoveryWindowInDays: 7 });
    expect(await names({})).toEqual(["kept"]);
    const all = (await sm.call("ListSecrets", { IncludePlannedDeletion: true })).SecretList;
    expect(all.map((s: any) => [s.Name, s.DeletedDate])).toEqual([
      ["kept", undefined],
      ["gone", t.clock.now() / 1000],
    ]);
    expect(all[0]).toEqual({ ARN: kept.ARN, Name: "kept", LastChangedDate: t.clock.now() / 1000 - 1, CreatedDate: t.clock.now() / 1000 - 1, SecretVersionsToStages: { [kept.VersionId]: ["AWSCURRENT"] } });
  });
});

describe("BatchGetSecretValue", () => {
  it("answers the values of the secrets listed, and an error for each it cannot", async () => {
    const a = await create("a");
    await create("empty-one", { SecretString: undefined, ClientRequestToken: undefined });
    await create("deleted");
    await sm.call("DeleteSecret", { SecretId: "deleted" });
    const out = await sm.call("BatchGetSecretValue", { SecretIdList: ["a", "missing", "deleted", "empty-one"] });
    expect(out.SecretValues).toEqual([{ ARN: a.ARN, Name: "a", VersionId: a.VersionId, SecretString: "value of a", VersionStages: ["AWSCURRENT"], CreatedDate: expect.any(Number) }]);
    expect(out.Errors).toEqual([
      { SecretId: "missing", ErrorCode: "ResourceNotFoundException", Message: "Secrets Manager can't find the specified secret." },
      { SecretId: "deleted", ErrorCode: "InvalidRequestException", Message: "You can't perform this operation on the secret because it was marked for deletion." },
      { SecretId: "empty-one", ErrorCode: "ResourceNotFoundException", Message: "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT" },
    ]);
    // Reading through the batch counts as an access.
    expect((await sm.call("DescribeSecret", { SecretId: "a" })).LastAccessedDate).toBe(Math.floor(t.clock.now() / 86_400_000) * 86_400);
  });

  it("selects by filter, in pages of MaxResults", async () => {
    for (const name of ["app/a", "app/b", "app/c", "other"]) await create(name);
    const first = await sm.call("BatchGetSecretValue", { Filters: [{ Key: "name", Values: ["app/"] }], MaxResults: 2 });
    expect(first.SecretValues.map((v: any) => v.SecretString)).toEqual(["value of app/a", "value of app/b"]);
    expect(first.Errors).toEqual([]);
    const second = await sm.call("BatchGetSecretValue", { Filters: [{ Key: "name", Values: ["app/"] }], MaxResults: 2, NextToken: first.NextToken });
    expect(second.SecretValues.map((v: any) => v.Name)).toEqual(["app/c"]);
  });

  it("wants either SecretIdList or Filters, and Filters with MaxResults", async () => {
    const either = { status: 400, code: "InvalidParameterException", message: "Either 'SecretIdList' or 'Filters' must be provided, but not both." };
    expect(await sm.error("BatchGetSecretValue", {})).toEqual(either);
    expect(await sm.error("BatchGetSecretValue", { SecretIdList: ["a"], Filters: [{ Key: "name", Values: ["a"] }] })).toEqual(either);
    expect((await sm.error("BatchGetSecretValue", { SecretIdList: ["a"], MaxResults: 5 })).message).toBe("'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.");
  });
});

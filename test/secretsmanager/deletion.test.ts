// Deletion with a recovery window that the clock ends, forced deletion, RestoreSecret, what a
// secret scheduled for deletion still answers, and the port other services read values through.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
let sm: JsonCalls;

beforeAll(async () => {
  t = await startLocal({ seed: "deletion" });
  sm = jsonCalls(t, "secretsmanager");
});
afterAll(() => t.close());
beforeEach(() => t.local.reset());

const DAY_MS = 86_400_000;
let n = 0;
const token = () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
const create = (name: string) => sm.call("CreateSecret", { Name: name, SecretString: `value of ${name}`, ClientRequestToken: token() });
const port = (id: string, select?: { versionStage?: string; versionId?: string }) => t.local.registry.backends.secretsmanager.secretValue("000000000000", "us-east-1", id, select);
const marked = { status: 400, code: "InvalidRequestException", message: "You can't perform this operation on the secret because it was marked for deletion." };

describe("DeleteSecret", () => {
  it("schedules the deletion 30 days out by default; the secret goes when the window ends, not before", async () => {
    const created = await create("s");
    const now = t.clock.now() / 1000;
    expect(await sm.call("DeleteSecret", { SecretId: "s" })).toEqual({ ARN: created.ARN, Name: "s", DeletionDate: now + 30 * 86_400 });
    const described = await sm.call("DescribeSecret", { SecretId: "s" });
    expect(described.DeletedDate).toBe(now);
    expect(described.VersionIdsToStages).toEqual({ [created.VersionId]: ["AWSCURRENT"] });
    expect(await sm.error("GetSecretValue", { SecretId: "s" })).toEqual(marked);
    expect(await sm.error("PutSecretValue", { SecretId: "s", SecretString: "x", ClientRequestToken: token() })).toEqual(marked);
    expect(await sm.error("TagResource", { SecretId: "s", Tags: [{ Key: "k", Value: "v" }] })).toEqual(marked);
    expect(await sm.error("DeleteSecret", { SecretId: "s" })).toEqual(marked);
    t.advance(30 * DAY_MS - 1);
    expect((await sm.call("DescribeSecret", { SecretId: "s" })).Name).toBe("s");
    t.advance(1);
    expect(await sm.error("DescribeSecret", { SecretId: "s" })).toEqual({ status: 400, code: "ResourceNotFoundException", message: "Secrets Manager can't find the specified secret." });
    // The name is free again, under a new ARN.
    const again = await create("s");
    expect(again.ARN).not.toBe(created.ARN);
    expect(await sm.error("DescribeSecret", { SecretId: created.ARN })).toMatchObject({ code: "ResourceNotFoundException" });
  });

  it("takes a recovery window from 7 to 30 days, or none with ForceDeleteWithoutRecovery, not both", async () => {
    await create("w");
    for (const days of [6, 31]) {
      expect(await sm.error("DeleteSecret", { SecretId: "w", RecoveryWindowInDays: days })).toEqual({
        status: 400,
        code: "InvalidParameterException",
        message: "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).",
      });
    }
    expect(await sm.error("DeleteSecret", { SecretId: "w", RecoveryWindowInDays: 7, ForceDeleteWithoutRecovery: true })).toEqual({
      status: 400,
      code: "InvalidParameterException",
      message: "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
    });
    expect((await sm.call("DeleteSecret", { SecretId: "w", RecoveryWindowInDays: 7 })).DeletionDate).toBe(t.clock.now() / 1000 + 7 * 86_400);
    t.advance(7 * DAY_MS);
    expect((await sm.call("ListSecrets", { IncludePlannedDeletion: true })).SecretList).toEqual([]);
  });

  it("deletes at once when forced, a secret scheduled for deletion too, and answers as if for one not there", async () => {
    const created = await create("f");
    await sm.call("DeleteSecret", { SecretId: "f" });
    expect(await sm.call("DeleteSecret", { SecretId: "f", ForceDeleteWithoutRecovery: true })).toEqual({ ARN: created.ARN, Name: "f", DeletionDate: t.clock.now() / 1000 });
    expect((await sm.error("RestoreSecret", { SecretId: "f" })).code).toBe("ResourceNotFoundException");
    const ghost = await sm.call("DeleteSecret", { SecretId: "never", ForceDeleteWithoutRecovery: true });
    expect(ghost).toEqual({ ARN: expect.stringMatching(/^arn:aws:secretsmanager:us-east-1:000000000000:secret:never-[A-Za-z0-9]{6}$/), Name: "never", DeletionDate: t.clock.now() / 1000 });
    expect((await sm.error("DeleteSecret", { SecretId: "never" })).code).toBe("ResourceNotFoundException");
    // The old window ends without touching the secret created under the name since.
    await create("f");
    t.advance(31 * DAY_MS);
    expect((await sm.call("GetSecretValue", { SecretId: "f" })).SecretString).toBe("value of f");
  });
});

describe("RestoreSecret", () => {
  it("cancels the deletion: values can be read again and the window's end passes harmlessly", async () => {
    const created = await create("r");
    await sm.call("DeleteSecret", { SecretId: "r", RecoveryWindowInDays: 7 });
    t.advance(DAY_MS);
    expect(await sm.call("RestoreSecret", { SecretId: created.ARN })).toEqual({ ARN: created.ARN, Name: "r" });
    expect((await sm.call("DescribeSecret", { SecretId: "r" })).DeletedDate).toBeUndefined();
    t.advance(10 * DAY_MS);
    expect((await sm.call("GetSecretValue", { SecretId: "r" })).SecretString).toBe("value of r");
  });
});

describe("the secretValue port", () => {
  it("answers the current value, or the one a label or version names, without counting as an access", async () => {
    const created = await create("p");
    const v2 = (await sm.call("PutSecretValue", { SecretId: "p", SecretString: "second", ClientRequestToken: token() })).VersionId;
    expect(port("p")).toEqual({ arn: created.ARN, name: "p", versionId: v2, secretString: "second" });
    expect(port(created.ARN, { versionStage: "AWSPREVIOUS" })?.secretString).toBe("value of p");
    expect(port(created.ARN.slice(0, -7), { versionId: created.VersionId })?.secretString).toBe("value of p");
    expect(port("p", { versionStage: "AWSPENDING" })).toBeUndefined();
    expect(port("p", { versionId: v2, versionStage: "AWSPREVIOUS" })).toBeUndefined();
    expect(port("nope")).toBeUndefined();
    // An ARN names its own Region, whichever Region the caller is in.
    const west = await sm.call("CreateSecret", { Name: "w", SecretString: "west", ClientRequestToken: token() }, { region: "eu-west-1" });
    expect(port(west.ARN)?.secretString).toBe("west");
    expect(port("w")).toBeUndefined();
    expect((await sm.call("DescribeSecret", { SecretId: "p" })).LastAccessedDate).toBeUndefined();
    await sm.call("DeleteSecret", { SecretId: "p" });
    expect(port("p")).toBeUndefined();
  });
});

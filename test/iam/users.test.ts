// IAM users and their access keys: a request signed with a key IAM issued acts as its user (in the
// user's account, for every service), an inactive key signs nothing; the root user as GetUser shows
// it; account aliases and the account summary.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetUserCommand, IAMClient } from "@aws-sdk/client-iam";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";

let t: TestLocal;
let iam: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  iam = queryCaller(t, "iam");
});
afterAll(async () => t.close());

const ACCOUNT = "123456789012";
const as = { accountId: ACCOUNT };
const client = (accessKeyId: string) => new IAMClient({ endpoint: t.url, region: "eu-west-1", credentials: { accessKeyId, secretAccessKey: "x" } });
const doc = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ecs:*", Resource: "*" }] });

describe("users", () => {
  it("CreateUser, GetUser and ListUsers answer IAM's shapes", async () => {
    const user = (await iam.call("CreateUser", { UserName: "deploy", Path: "/ci/", Tags: [{ Key: "team", Value: "ops" }] }, as)).User;
    expect(user.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(user).toEqual({ Path: "/ci/", UserName: "deploy", UserId: user.UserId, Arn: `arn:aws:iam::${ACCOUNT}:user/ci/deploy`, CreateDate: user.CreateDate, Tags: [{ Key: "team", Value: "ops" }] });
    expect((await iam.call("GetUser", { UserName: "DEPLOY" }, as)).User).toEqual(user);
    expect((await iam.call("ListUsers", { PathPrefix: "/ci/" }, as)).Users).toEqual([{ Path: "/ci/", UserName: "deploy", UserId: user.UserId, Arn: user.Arn, CreateDate: user.CreateDate }]);
    expect(await iam.error("CreateUser", { UserName: "Deploy" }, as)).toMatchObject({ status: 409, code: "EntityAlreadyExists", message: "User with name Deploy already exists." });
    expect(await iam.error("GetUser", { UserName: "ghost" }, as)).toMatchObject({ status: 404, code: "NoSuchEntity", message: "The user with name ghost cannot be found." });
    expect(await iam.call("ListGroupsForUser", { UserName: "deploy" }, as)).toEqual({ Groups: [], IsTruncated: false });
  });

  it("GetUser signed with the account's root credentials answers the root user: no name, no path", async () => {
    expect((await iam.call("GetUser", {}, as)).User).toEqual({ UserId: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root`, CreateDate: Date.parse("2020-01-01T00:00:00Z") / 1000 });
    const sdk = (await client(ACCOUNT).send(new GetUserCommand({}))).User!;
    expect([sdk.UserId, sdk.Arn, sdk.UserName]).toEqual([ACCOUNT, `arn:aws:iam::${ACCOUNT}:root`, undefined]);
  });

  it("GetUser without a name refuses a role session's credentials, as IAM does", async () => {
    const { client: inProcess } = t.local.registry.backends;
    await inProcess.load("iam", ["GetUser"]);
    const principal = { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci`, userId: "AROAEXAMPLEEXAMPLE1234:ci" };
    const call = () => inProcess.call("iam", "GetUser", {}, { accountId: ACCOUNT, region: "us-east-1", requestId: "r", principal });
    expect(call).toThrow("Must specify userName when calling with non-User credentials");
  });

  it("tags come and go; UpdateUser renames and moves", async () => {
    await iam.call("TagUser", { UserName: "deploy", Tags: [{ Key: "env", Value: "ci" }] }, as);
    await iam.call("UntagUser", { UserName: "deploy", TagKeys: ["TEAM"] }, as);
    expect((await iam.call("ListUserTags", { UserName: "deploy" }, as)).Tags).toEqual([{ Key: "env", Value: "ci" }]);
    await iam.call("CreateUser", { UserName: "other" }, as);
    expect(await iam.error("UpdateUser", { UserName: "other", NewUserName: "deploy" }, as)).toMatchObject({ code: "EntityAlreadyExists", message: "User with name deploy already exists." });
    await iam.call("UpdateUser", { UserName: "other", NewUserName: "builder", NewPath: "/ci/" }, as);
    expect((await iam.call("GetUser", { UserName: "builder" }, as)).User.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/ci/builder`);
  });
});

describe("access keys", () => {
  let keyId = "";

  it("CreateAccessKey issues AKIA keys, two a user at most", async () => {
    const key = (await iam.call("CreateAccessKey", { UserName: "deploy" }, as)).AccessKey;
    keyId = key.AccessKeyId;
    expect(key.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(key.SecretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(key).toMatchObject({ UserName: "deploy", Status: "Active" });
    const second = (await iam.call("CreateAccessKey", { UserName: "deploy" }, as)).AccessKey;
    expect(await iam.error("CreateAccessKey", { UserName: "deploy" }, as)).toMatchObject({ status: 409, code: "LimitExceeded", message: "Cannot exceed quota for AccessKeysPerUser: 2" });
    const listed = (await iam.call("ListAccessKeys", { UserName: "deploy" }, as)).AccessKeyMetadata;
    expect(listed).toEqual([
      { UserName: "deploy", AccessKeyId: key.AccessKeyId, Status: "Active", CreateDate: key.CreateDate },
      { UserName: "deploy", AccessKeyId: second.AccessKeyId, Status: "Active", CreateDate: second.CreateDate },
    ]);
    await iam.call("DeleteAccessKey", { UserName: "deploy", AccessKeyId: second.AccessKeyId }, as);
    expect(await iam.error("DeleteAccessKey", { UserName: "deploy", AccessKeyId: second.AccessKeyId }, as)).toMatchObject({ code: "NoSuchEntity", message: `The Access Key with id ${second.AccessKeyId} cannot be found.` });
  });

  it("a request signed with the key acts as its user, in the user's account, for IAM, STS and ECS", async () => {
    const me = (await iam.call("GetUser", {}, { accountId: keyId })).User;
    expect(me).toMatchObject({ UserName: "deploy", Arn: `arn:aws:iam::${ACCOUNT}:user/ci/deploy` });
    expect((await iam.call("ListAccessKeys", {}, { accountId: keyId })).AccessKeyMetadata.map((k: any) => k.AccessKeyId)).toEqual([keyId]);
    const cluster = await t.ecs("CreateCluster", { clusterName: "keyed" }, { accountId: keyId });
    expect(cluster.cluster!.clusterArn).toBe(`arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/keyed`);
    expect(await iam.call("GetAccessKeyLastUsed", { AccessKeyId: keyId }, as)).toEqual({ UserName: "deploy", AccessKeyLastUsed: { ServiceName: "N/A", Region: "N/A" } });
    expect(await queryCaller(t, "sts").call("GetCallerIdentity", {}, { accountId: keyId })).toEqual({ UserId: me.UserId, Account: ACCOUNT, Arn: me.Arn });
  });

  it("an inactive key is refused with InvalidClientTokenId until it is active again", async () => {
    await iam.call("UpdateAccessKey", { UserName: "deploy", AccessKeyId: keyId, Status: "Inactive" }, as);
    expect((await iam.call("ListAccessKeys", { UserName: "deploy" }, as)).AccessKeyMetadata[0].Status).toBe("Inactive");
    const err = await client(keyId).send(new GetUserCommand({})).catch((e) => e);
    expect([err.name, err.message, err.$metadata.httpStatusCode]).toEqual(["InvalidClientTokenId", "The security token included in the request is invalid.", 403]);
    await iam.call("UpdateAccessKey", { UserName: "deploy", AccessKeyId: keyId, Status: "Active" }, as);
    expect((await client(keyId).send(new GetUserCommand({}))).User!.UserName).toBe("deploy");
  });

  it("DeleteUser is refused while keys and policies remain", async () => {
    await iam.call("PutUserPolicy", { UserName: "deploy", PolicyName: "ecs", PolicyDocument: doc }, as);
    await iam.call("AttachUserPolicy", { UserName: "deploy", PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }, as);
    expect(await iam.error("DeleteUser", { UserName: "deploy" }, as)).toMatchObject({ status: 409, code: "DeleteConflict", message: "Cannot delete entity, must delete access keys first." });
    await iam.call("DeleteAccessKey", { UserName: "deploy", AccessKeyId: keyId }, as);
    expect(await iam.error("DeleteUser", { UserName: "deploy" }, as)).toMatchObject({ code: "DeleteConflict", message: "Cannot delete entity, must detach all policies first." });
    expect((await iam.call("ListAttachedUserPolicies", { UserName: "deploy" }, as)).AttachedPolicies).toEqual([{ PolicyName: "ReadOnlyAccess", PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }]);
    await iam.call("DetachUserPolicy", { UserName: "deploy", PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }, as);
    expect(await iam.error("DeleteUser", { UserName: "deploy" }, as)).toMatchObject({ code: "DeleteConflict", message: "Cannot delete entity, must delete policies first." });
    expect(await iam.call("GetUserPolicy", { UserName: "deploy", PolicyName: "ecs" }, as)).toMatchObject({ UserName: "deploy", PolicyName: "ecs" });
    expect((await iam.call("ListUserPolicies", { UserName: "deploy" }, as)).PolicyNames).toEqual(["ecs"]);
    await iam.call("DeleteUserPolicy", { UserName: "deploy", PolicyName: "ecs" }, as);
    await iam.call("DeleteUser", { UserName: "deploy" }, as);
    // The deleted user's key signs as nobody: the key names no account, so the default one answers.
    expect((await iam.call("GetUser", {}, { accountId: keyId })).User.Arn).toBe("arn:aws:iam::000000000000:root");
  });
});

describe("the account", () => {
  it("has one alias at most", async () => {
    await iam.call("CreateAccountAlias", { AccountAlias: "my-team" }, as);
    expect(await iam.error("CreateAccountAlias", { AccountAlias: "my-team" }, as)).toMatchObject({ code: "EntityAlreadyExists", message: "The account alias my-team already exists." });
    expect(await iam.error("CreateAccountAlias", { AccountAlias: "other-team" }, as)).toMatchObject({ code: "LimitExceeded", message: "Cannot exceed quota for AccountAliasesPerAccount: 1" });
    expect(await iam.call("ListAccountAliases", {}, as)).toEqual({ AccountAliases: ["my-team"], IsTruncated: false });
    await iam.call("DeleteAccountAlias", { AccountAlias: "my-team" }, as);
    expect(await iam.error("DeleteAccountAlias", { AccountAlias: "my-team" }, as)).toMatchObject({ code: "NoSuchEntity", message: "The account alias my-team cannot be found." });
  });

  it("GetAccountSummary counts what the account holds, beside IAM's quotas", async () => {
    const map = (await iam.call("GetAccountSummary", {}, as)).SummaryMap;
    expect(map).toMatchObject({ Users: 1, Roles: 0, Policies: 0, InstanceProfiles: 0, UsersQuota: 5000, RolesQuota: 1000, PolicySizeQuota: 6144, AssumeRolePolicySizeQuota: 2048, RolePolicySizeQuota: 10240, AccessKeysPerUserQuota: 2 });
    expect((await iam.call("GetAccountSummary", {})).SummaryMap.Users).toBe(0);
  });
});

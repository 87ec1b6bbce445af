// STS sessions: AssumeRole, AssumeRoleWithWebIdentity and GetSessionToken issue credentials that
// then sign requests as the session's principal, in its account, until they expire. The roles come
// through IAM's port (a double here: IAM's own tests cover how roles are made).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, GetAccessKeyInfoCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { ECSClient, ListClustersCommand, CreateClusterCommand } from "@aws-sdk/client-ecs";
import { DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller } from "../helpers/query.js";
import type { RoleView } from "../../src/services/iam/context.js";

let t: TestLocal;
const roles = new Map<string, RoleView>();
const trust = (principal: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...extra }] });
const role = (account: string, name: string, document: string, maxSessionDuration = 3600): RoleView => {
  const r = { arn: `arn:aws:iam::${account}:role/${name}`, roleName: name, roleId: `AROA${name.toUpperCase().padEnd(17, "X").slice(0, 17)}`, assumeRolePolicyDocument: document, maxSessionDuration };
  roles.set(r.arn, r);
  return r;
};

beforeAll(async () => {
  t = await startLocal();
  t.local.registry.backends.iam.role = (account, arn) => (arn.split(":")[4] === account ? roles.get(arn) : undefined);
});
afterAll(async () => t.close());
beforeEach(() => roles.clear());

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const sts = (credentials: Creds, region = "us-east-1") => new STSClient({ endpoint: t.url, region, credentials });
const root = (account: string): Creds => ({ accessKeyId: account, secretAccessKey: "x" });
const asCreds = (c: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string }): Creds => ({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! });

describe("AssumeRole", () => {
  it("issues credentials that act as the role session in the role's account", async () => {
    role("222222222222", "deploy", trust({ AWS: "arn:aws:iam::111111111111:root" }));
    const out = await sts(root("111111111111")).send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::222222222222:role/deploy", RoleSessionName: "ci-run" }));
    expect(out.Credentials!.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(out.Credentials!.SecretAccessKey).toHaveLength(40);
    expect(out.Credentials!.SessionToken!.length).toBeGreaterThan(300);
    expect(out.Credentials!.Expiration!.getTime()).toBe(t.clock.now() + 3600_000);
    expect(out.AssumedRoleUser).toEqual({ AssumedRoleId: "AROADEPLOYXXXXXXXXXXX".slice(0, 21) + ":ci-run", Arn: "arn:aws:sts::222222222222:assumed-role/deploy/ci-run" });
    const who = await sts(asCreds(out.Credentials!)).send(new GetCallerIdentityCommand({}));
    expect({ UserId: who.UserId, Account: who.Account, Arn: who.Arn }).toEqual({
      UserId: out.AssumedRoleUser!.AssumedRoleId,
      Account: "222222222222",
      Arn: "arn:aws:sts::222222222222:assumed-role/deploy/ci-run",
    });
    // Every service sees the role's account: a cluster made with the session is the role account's.
    const ecs = new ECSClient({ endpoint: t.url, region: "eu-west-1", credentials: asCreds(out.Credentials!) });
    const made = await ecs.send(new CreateClusterCommand({ clusterName: "assumed" }));
    expect(made.cluster!.clusterArn).toBe("arn:aws:ecs:eu-west-1:222222222222:cluster/assumed");
    expect((await t.ecs("ListClusters", {}, { accountId: "222222222222", region: "eu-west-1" })).clusterArns).toEqual([made.cluster!.clusterArn]);
    const info = await sts(root("111111111111")).send(new GetAccessKeyInfoCommand({ AccessKeyId: out.Credentials!.AccessKeyId! }));
    expect(info.Account).toBe("222222222222");
  });

  it("answers AccessDenied in STS's words for a role that does not exist or does not trust the caller", async () => {
    role("111111111111", "other", trust({ AWS: "333333333333" }));
    for (const arn of ["arn:aws:iam::111111111111:role/other", "arn:aws:iam::111111111111:role/missing"]) {
      const e = await queryCaller(t, "sts").error("AssumeRole", { RoleArn: arn, RoleSessionName: "s1" }, { accountId: "111111111111" });
      expect(e).toMatchObject({ status: 403, code: "AccessDenied", type: "Sender", message: `User: arn:aws:iam::111111111111:root is not authorized to perform: sts:AssumeRole on resource: ${arn}` });
    }
  });

  it("honours Deny statements and the sts:ExternalId condition", async () => {
    role("111111111111", "vendor", trust({ AWS: "111111111111" }, { Condition: { StringEquals: { "sts:ExternalId": "s3cr3t" } } }));
    const arn = "arn:aws:iam::111111111111:role/vendor";
    expect((await queryCaller(t, "sts").error("AssumeRole", { RoleArn: arn, RoleSessionName: "s1" }, { accountId: "111111111111" })).code).toBe("AccessDenied");
    expect((await queryCaller(t, "sts").error("AssumeRole", { RoleArn: arn, RoleSessionName: "s1", ExternalId: "wrong" }, { accountId: "111111111111" })).code).toBe("AccessDenied");
    await queryCaller(t, "sts").call("AssumeRole", { RoleArn: arn, RoleSessionName: "s1", ExternalId: "s3cr3t" }, { accountId: "111111111111" });
    const doc = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:*" },
        { Effect: "Deny", Principal: { AWS: "arn:aws:iam::444444444444:root" }, Action: "sts:AssumeRole" },
      ],
    });
    role("111111111111", "open", doc);
    await queryCaller(t, "sts").call("AssumeRole", { RoleArn: "arn:aws:iam::111111111111:role/open", RoleSessionName: "s1" }, { accountId: "555555555555" });
    expect((await queryCaller(t, "sts").error("AssumeRole", { RoleArn: "arn:aws:iam::111111111111:role/open", RoleSessionName: "s1" }, { accountId: "444444444444" })).code).toBe("AccessDenied");
  });

  it("keeps DurationSeconds within the role's maximum, and role chaining within an hour", async () => {
    role("111111111111", "long", trust({ AWS: "111111111111" }), 7200);
    const arn = "arn:aws:iam::111111111111:role/long";
    const e = await queryCaller(t, "sts").error("AssumeRole", { RoleArn: arn, RoleSessionName: "s1", DurationSeconds: 7201 }, { accountId: "111111111111" });
    expect(e).toMatchObject({ status: 400, code: "ValidationError", message: "The requested DurationSeconds exceeds the MaxSessionDuration set for this role." });
    const first = await sts(root("111111111111")).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: "a1", DurationSeconds: 7200 }));
    expect(first.Credentials!.Expiration!.getTime()).toBe(t.clock.now() + 7200_000);
    // A session of the role is admitted by a trust policy naming its account, and chains.
    const chained = sts(asCreds(first.Credentials!));
    const err = await chained.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: "b1", DurationSeconds: 3601 })).catch((x) => x);
    expect(err.name).toBe("ValidationError");
    expect(err.message).toBe("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
    const second = await chained.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: "b1" }));
    expect(second.AssumedRoleUser!.Arn).toBe("arn:aws:sts::111111111111:assumed-role/long/b1");
  });

  it("refuses a session policy that is not JSON", async () => {
    role("111111111111", "p", trust({ AWS: "111111111111" }));
    const e = await queryCaller(t, "sts").error("AssumeRole", { RoleArn: "arn:aws:iam::111111111111:role/p", RoleSessionName: "s1", Policy: "{nope" }, { accountId: "111111111111" });
    expect(e).toMatchObject({ code: "MalformedPolicyDocument", message: "The policy is not in the valid JSON format." });
  });
});

describe("session credentials", () => {
  it("expire: each protocol answers in its own words, and nothing runs", async () => {
    role("111111111111", "short", trust({ AWS: "111111111111" }));
    const out = await sts(root("111111111111")).send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::111111111111:role/short", RoleSessionName: "s1", DurationSeconds: 900 }));
    const creds = asCreds(out.Credentials!);
    await sts(creds).send(new GetCallerIdentityCommand({}));
    t.advance(900_000);
    const q = await sts(creds).send(new GetCallerIdentityCommand({})).catch((x) => x);
    expect([q.name, q.message, q.$metadata.httpStatusCode]).toEqual(["ExpiredToken", "The security token included in the request is expired", 403]);
    const ecs = new ECSClient({ endpoint: t.url, region: "us-east-1", credentials: creds });
    const j = await ecs.send(new CreateClusterCommand({ clusterName: "late" })).catch((x) => x);
    expect([j.name, j.message, j.$metadata.httpStatusCode]).toEqual(["ExpiredTokenException", "The security token included in the request is expired", 400]);
    expect((await t.ecs("ListClusters", {}, { accountId: "111111111111" })).clusterArns).toEqual([]);
    const ec2 = new EC2Client({ endpoint: t.url, region: "us-east-1", credentials: creds });
    const x = await ec2.send(new DescribeVpcsCommand({})).catch((e) => e);
    expect([x.name, x.message]).toEqual(["RequestExpired", "Request has expired."]);
  });

  it("are refused with another session token", async () => {
    role("111111111111", "tok", trust({ AWS: "111111111111" }));
    const out = await sts(root("111111111111")).send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::111111111111:role/tok", RoleSessionName: "s1" }));
    const forged = { ...asCreds(out.Credentials!), sessionToken: "IQoJforged" };
    const e = await sts(forged).send(new GetCallerIdentityCommand({})).catch((x) => x);
    expect([e.name, e.message, e.$metadata.httpStatusCode]).toEqual(["InvalidClientTokenId", "The security token included in the request is invalid.", 403]);
    const ecs = await new ECSClient({ endpoint: t.url, region: "us-east-1", credentials: forged }).send(new ListClustersCommand({})).catch((x) => x);
    expect(ecs.name).toBe("UnrecognizedClientException");
  });
});

describe("GetSessionToken", () => {
  it("gives the root user an hour at most, acting as root; session credentials cannot ask again", async () => {
    const out = await sts(root("123456789012")).send(new GetSessionTokenCommand({ DurationSeconds: 7200 }));
    expect(out.Credentials!.Expiration!.getTime()).toBe(t.clock.now() + 3600_000);
    const creds = asCreds(out.Credentials!);
    const who = await sts(creds).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe("arn:aws:iam::123456789012:root");
    const again = await sts(creds).send(new GetSessionTokenCommand({})).catch((x) => x);
    expect([again.name, again.message]).toEqual(["AccessDenied", "Cannot call GetSessionToken with session credentials"]);
  });
});

describe("AssumeRoleWithWebIdentity", () => {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const jwt = (claims: Record<string, unknown>) => `${b64({ alg: "RS256", typ: "JWT" })}.${b64(claims)}.c2ln`;
  const github = "token.actions.githubusercontent.com";
  const ciRole = () =>
    role(
      "111111111111",
      "gha",
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Federated: `arn:aws:iam::111111111111:oidc-provider/${github}` },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: { StringEquals: { [`${github}:aud`]: "sts.amazonaws.com" }, StringLike: { [`${github}:sub`]: "repo:acme/*:ref:refs/heads/main" } },
          },
        ],
      }),
    );
  const claims = (over: Record<string, unknown> = {}) => ({ iss: `https://${github}`, aud: "sts.amazonaws.com", sub: "repo:acme/app:ref:refs/heads/main", exp: t.clock.now() / 1000 + 300, ...over });
  const client = () => new STSClient({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "anon", secretAccessKey: "anon" } });

  it("admits a token whose provider and claims the trust policy names", async () => {
    ciRole();
    const out = await client().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: "arn:aws:iam::111111111111:role/gha", RoleSessionName: "gha-run", WebIdentityToken: jwt(claims()) }));
    expect(out.SubjectFromWebIdentityToken).toBe("repo:acme/app:ref:refs/heads/main");
    expect(out.Provider).toBe(`https://${github}`);
    expect(out.Audience).toBe("sts.amazonaws.com");
    expect(out.AssumedRoleUser!.Arn).toBe("arn:aws:sts::111111111111:assumed-role/gha/gha-run");
    const who = await sts(asCreds(out.Credentials!)).send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe("111111111111");
  });

  it("refuses other claims, expired tokens and what is not a JWT", async () => {
    ciRole();
    const call = (token: string) =>
      queryCaller(t, "sts").error("AssumeRoleWithWebIdentity", { RoleArn: "arn:aws:iam::111111111111:role/gha", RoleSessionName: "s1", WebIdentityToken: token }, { signingName: null });
    expect(await call(jwt(claims({ sub: "repo:acme/app:ref:refs/heads/dev" })))).toMatchObject({ status: 403, code: "AccessDenied", message: "Not authorized to perform sts:AssumeRoleWithWebIdentity" });
    expect(await call(jwt(claims({ aud: "sigstore" })))).toMatchObject({ code: "AccessDenied" });
    expect(await call(jwt(claims({ exp: t.clock.now() / 1000 - 1 })))).toMatchObject({ code: "ExpiredTokenException" });
    expect(await call("opaque-access-token-value")).toMatchObject({ code: "InvalidIdentityToken", message: "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)" });
  });
});

// --state-dir keeps IAM too: roles with their policies, managed policies with their versions,
// instance profiles, users and their access keys come back after a restart with the same ids, and
// a key issued before the restart still signs as its user.
import { describe, expect, it } from "vitest";
import {
  AddRoleToInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreateInstanceProfileCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetInstanceProfileCommand,
  GetRoleCommand,
  GetUserCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListPolicyVersionsCommand,
} from "@aws-sdk/client-iam";
import { type EcsLocalServer } from "../../src/index.js";
import { stateDirServers } from "../helpers/stateDir.js";
import { tempDir } from "../helpers/tempDir.js";

const servers = stateDirServers();

async function start(stateDir: string): Promise<EcsLocalServer> {
  const s = await servers.start(stateDir);
  return s;
}

const client = (s: EcsLocalServer, accessKeyId = "123456789012") => new IAMClient({ endpoint: s.endpoint, region: "us-east-1", credentials: { accessKeyId, secretAccessKey: "x" } });
const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });
const doc = (action: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });

describe("--state-dir: IAM", () => {
  it("keeps roles, policies and their versions, instance profiles, users and keys across a restart", async () => {
    const dir = tempDir("ecs-local-state-");
    const a = await start(dir);
    let iam = client(a);
    const role = (await iam.send(new CreateRoleCommand({ RoleName: "node", AssumeRolePolicyDocument: trust }))).Role!;
    const policy = (await iam.send(new CreatePolicyCommand({ PolicyName: "app", PolicyDocument: doc("s3:GetObject") }))).Policy!;
    await iam.send(new CreatePolicyVersionCommand({ PolicyArn: policy.Arn, PolicyDocument: doc("s3:PutObject"), SetAsDefault: true }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: "node", PolicyArn: policy.Arn }));
    const profile = (await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: "node" }))).InstanceProfile!;
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: "node", RoleName: "node" }));
    const user = (await iam.send(new CreateUserCommand({ UserName: "ci" }))).User!;
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: "ci" }))).AccessKey!;
    await a.stop();

    const b = await start(dir);
    iam = client(b);
    expect((await iam.send(new GetRoleCommand({ RoleName: "node" }))).Role!.RoleId).toBe(role.RoleId);
    expect((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "node" }))).AttachedPolicies).toEqual([{ PolicyName: "app", PolicyArn: policy.Arn }]);
    const versions = (await iam.send(new ListPolicyVersionsCommand({ PolicyArn: policy.Arn }))).Versions!;
    expect(versions.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([["v2", true], ["v1", false]]);
    const kept = (await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: "node" }))).InstanceProfile!;
    expect([kept.InstanceProfileId, kept.Roles!.map((r) => r.RoleName)]).toEqual([profile.InstanceProfileId, ["node"]]);
    const me = (await client(b, key.AccessKeyId).send(new GetUserCommand({}))).User!;
    expect([me.UserName, me.UserId]).toEqual(["ci", user.UserId]);
    const next = (await iam.send(new CreateUserCommand({ UserName: "later" }))).User!;
    expect(next.UserId).not.toBe(user.UserId);
  }, 60_000);
});

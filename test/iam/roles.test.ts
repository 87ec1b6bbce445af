// IAM roles through the query protocol and the SDK v3 client: what each operation answers (and
// leaves out), trust policies checked and answered URL-encoded, paging, tags, boundaries, and the
// refusals with IAM's texts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateRoleCommand, GetRoleCommand, IAMClient, ListRolesCommand } from "@aws-sdk/client-iam";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";

let t: TestLocal;
let iam: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  iam = queryCaller(t, "iam");
});
afterAll(async () => t.close());

const ACCOUNT = "000000000000";
const trust = (service = "ecs-tasks.amazonaws.com") => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });
const client = () => new IAMClient({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" } });
const EXEC = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
/** RFC 3986, as IAM encodes documents: encodeURIComponent leaves `!'()*` as they are. */
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());

describe("CreateRole and GetRole", () => {
  it("make a role with IAM's ids and ARN, and answer its trust policy URL-encoded", async () => {
    const doc = trust();
    const created = await iam.call("CreateRole", { RoleName: "exec", Path: "/ecs/", AssumeRolePolicyDocument: doc, Description: "task execution", Tags: [{ Key: "team", Value: "a" }] });
    const role = created.Role;
    expect(role.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(role).toEqual({
      Path: "/ecs/",
      RoleName: "exec",
      RoleId: role.RoleId,
      Arn: `arn:aws:iam::${ACCOUNT}:role/ecs/exec`,
      CreateDate: role.CreateDate,
      AssumeRolePolicyDocument: rfc3986(doc),
      Description: "task execution",
      Tags: [{ Key: "team", Value: "a" }],
    });
    const got = (await iam.call("GetRole", { RoleName: "exec" })).Role;
    expect(got).toEqual({ ...role, MaxSessionDuration: 3600, RoleLastUsed: {} });
  });

  it("finds a role whatever the case of its name, and refuses a second of any case", async () => {
    expect((await iam.call("GetRole", { RoleName: "EXEC" })).Role.RoleName).toBe("exec");
    const err = await iam.error("CreateRole", { RoleName: "Exec", AssumeRolePolicyDocument: trust() });
    expect(err).toMatchObject({ status: 409, code: "EntityAlreadyExists", message: "Role with name Exec already exists." });
    expect(await iam.error("GetRole", { RoleName: "nope" })).toMatchObject({ status: 404, code: "NoSuchEntity", message: "The role with name nope cannot be found." });
  });

  it("hand the SDK v3 client the trust policy as IAM sends it, which decodes to the document given", async () => {
    const doc = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Condition: { StringLike: { "aws:PrincipalTag/x": "a b*(c)" } } }] }, null, 2);
    await client().send(new CreateRoleCommand({ RoleName: "sdk", AssumeRolePolicyDocument: doc, MaxSessionDuration: 7200 }));
    const role = (await client().send(new GetRoleCommand({ RoleName: "sdk" }))).Role!;
    expect(role.AssumeRolePolicyDocument).toContain("%2A%28c%29");
    expect(decodeURIComponent(role.AssumeRolePolicyDocument!)).toBe(doc);
    expect(role.MaxSessionDuration).toBe(7200);
    expect(role.CreateDate).toBeInstanceOf(Date);
  });

  it("check the trust policy as IAM does", async () => {
    const bad = async (doc: string) => (await iam.error("CreateRole", { RoleName: "bad", AssumeRolePolicyDocument: doc })).message;
    expect(await bad("{not json")).toBe("This policy contains invalid Json");
    expect(await bad(JSON.stringify({ Version: "2012-10-17" }))).toBe("Syntax errors in policy.");
    expect(await bad(JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole" }] }))).toBe("Missing required field Principal");
    expect(await bad(JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole", Resource: "*" }] }))).toBe("Has prohibited field Resource");
    const big = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: Array.from({ length: 60 }, (_, i) => `arn:aws:iam::${String(i).padStart(12, "1")}:root`) }, Action: "sts:AssumeRole" }] });
    const err = await iam.error("CreateRole", { RoleName: "bad", AssumeRolePolicyDocument: big });
    expect(err).toMatchObject({ status: 409, code: "LimitExceeded", message: "Cannot exceed quota for ACLSizePerRole: 2048" });
    expect(await iam.error("GetRole", { RoleName: "bad" })).toMatchObject({ code: "NoSuchEntity" });
  });

  it("take the model's limits: MaxSessionDuration from 3600 to 43200", async () => {
    const err = await iam.error("CreateRole", { RoleName: "short", AssumeRolePolicyDocument: trust(), MaxSessionDuration: 60 });
    expect(err).toMatchObject({ status: 400, code: "ValidationError", message: "1 validation error detected: Value '60' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600" });
  });
});

describe("ListRoles", () => {
  it("lists in creation order, without boundaries, last use or tags, and pages with Marker", async () => {
    for (const name of ["p1", "p2", "p3"]) await iam.call("CreateRole", { RoleName: name, Path: "/paged/", AssumeRolePolicyDocument: trust(), Tags: [{ Key: "k", Value: "v" }], PermissionsBoundary: EXEC });
    const first = await iam.call("ListRoles", { PathPrefix: "/paged/", MaxItems: 2 });
    expect(first.Roles.map((r: any) => r.RoleName)).toEqual(["p1", "p2"]);
    expect(first.IsTruncated).toBe(true);
    expect(Object.keys(first.Roles[0]).sort()).toEqual(["Arn", "AssumeRolePolicyDocument", "CreateDate", "MaxSessionDuration", "Path", "RoleId", "RoleName"]);
    await iam.call("DeleteRole", { RoleName: "p2" });
    const second = await iam.call("ListRoles", { PathPrefix: "/paged/", MaxItems: 2, Marker: first.Marker });
    expect(second.Roles.map((r: any) => r.RoleName)).toEqual(["p3"]);
    expect(second).not.toHaveProperty("Marker");
    expect(second.IsTruncated).toBe(false);
    const all = await client().send(new ListRolesCommand({}));
    expect(all.Roles!.map((r) => r.RoleName)).toEqual(["exec", "sdk", "p1", "p3"]);
    expect(await iam.error("ListRoles", { Marker: "not a marker" })).toMatchObject({ code: "ValidationError", message: "Invalid Marker." });
  });

  it("shows the boundary on GetRole and counts its use on the policy", async () => {
    expect((await iam.call("GetRole", { RoleName: "p1" })).Role.PermissionsBoundary).toEqual({ PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: EXEC });
    expect((await iam.call("GetPolicy", { PolicyArn: EXEC })).Policy.PermissionsBoundaryUsageCount).toBe(2);
    await iam.call("DeleteRolePermissionsBoundary", { RoleName: "p1" });
    expect((await iam.call("GetRole", { RoleName: "p1" })).Role).not.toHaveProperty("PermissionsBoundary");
    expect((await iam.call("GetPolicy", { PolicyArn: EXEC })).Policy.PermissionsBoundaryUsageCount).toBe(1);
    const err = await iam.error("PutRolePermissionsBoundary", { RoleName: "p1", PermissionsBoundary: `arn:aws:iam::${ACCOUNT}:policy/none` });
    expect(err).toMatchObject({ code: "NoSuchEntity", message: `Scope ARN: arn:aws:iam::${ACCOUNT}:policy/none does not exist or is not attachable.` });
  });
});

describe("changing a role", () => {
  it("UpdateRole, UpdateRoleDescription and UpdateAssumeRolePolicy change what GetRole shows", async () => {
    await iam.call("UpdateRole", { RoleName: "p3", MaxSessionDuration: 43200, Description: "first" });
    const described = await iam.call("UpdateRoleDescription", { RoleName: "p3", Description: "second" });
    expect(described.Role).toMatchObject({ RoleName: "p3", Description: "second", MaxSessionDuration: 43200 });
    await iam.call("UpdateAssumeRolePolicy", { RoleName: "p3", PolicyDocument: trust("ec2.amazonaws.com") });
    expect(decodeURIComponent((await iam.call("GetRole", { RoleName: "p3" })).Role.AssumeRolePolicyDocument)).toBe(trust("ec2.amazonaws.com"));
    expect(await iam.error("UpdateAssumeRolePolicy", { RoleName: "p3", PolicyDocument: "[]" })).toMatchObject({ code: "MalformedPolicyDocument", message: "Syntax errors in policy." });
  });

  it("tags merge without regard to the case of keys, and come off", async () => {
    await iam.call("TagRole", { RoleName: "p3", Tags: [{ Key: "K", Value: "w" }, { Key: "env", Value: "dev" }] });
    expect((await iam.call("ListRoleTags", { RoleName: "p3" })).Tags).toEqual([{ Key: "K", Value: "w" }, { Key: "env", Value: "dev" }]);
    await iam.call("UntagRole", { RoleName: "p3", TagKeys: ["k"] });
    expect((await iam.call("GetRole", { RoleName: "p3" })).Role.Tags).toEqual([{ Key: "env", Value: "dev" }]);
    const dup = await iam.error("TagRole", { RoleName: "p3", Tags: [{ Key: "a", Value: "1" }, { Key: "A", Value: "2" }] });
    expect(dup).toMatchObject({ code: "InvalidInput", message: "Duplicate tag keys found. Please note that Tag keys are case insensitive." });
  });
});

describe("policies of a role and DeleteRole", () => {
  it("attaches managed policies, keeps inline ones, and refuses to delete the role until both are gone", async () => {
    const inline = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "logs:PutLogEvents", Resource: "*" }] });
    await iam.call("AttachRolePolicy", { RoleName: "exec", PolicyArn: EXEC });
    await iam.call("AttachRolePolicy", { RoleName: "exec", PolicyArn: EXEC });
    await iam.call("PutRolePolicy", { RoleName: "exec", PolicyName: "logs", PolicyDocument: inline });
    expect((await iam.call("ListAttachedRolePolicies", { RoleName: "exec" })).AttachedPolicies).toEqual([{ PolicyName: "AmazonECSTaskExecutionRolePolicy", PolicyArn: EXEC }]);
    expect((await iam.call("ListAttachedRolePolicies", { RoleName: "exec", PathPrefix: "/other/" })).AttachedPolicies).toEqual([]);
    expect((await iam.call("ListRolePolicies", { RoleName: "exec" })).PolicyNames).toEqual(["logs"]);
    expect(await iam.call("GetRolePolicy", { RoleName: "exec", PolicyName: "logs" })).toEqual({ RoleName: "exec", PolicyName: "logs", PolicyDocument: rfc3986(inline) });
    expect(await iam.error("DeleteRole", { RoleName: "exec" })).toMatchObject({ status: 409, code: "DeleteConflict", message: "Cannot delete entity, must detach all policies first." });
    await iam.call("DetachRolePolicy", { RoleName: "exec", PolicyArn: EXEC });
    expect(await iam.error("DetachRolePolicy", { RoleName: "exec", PolicyArn: EXEC })).toMatchObject({ code: "NoSuchEntity", message: `Policy ${EXEC} was not found.` });
    expect(await iam.error("DeleteRole", { RoleName: "exec" })).toMatchObject({ code: "DeleteConflict", message: "Cannot delete entity, must delete policies first." });
    await iam.call("DeleteRolePolicy", { RoleName: "exec", PolicyName: "logs" });
    expect(await iam.error("DeleteRolePolicy", { RoleName: "exec", PolicyName: "logs" })).toMatchObject({ code: "NoSuchEntity", message: "The role policy with name logs cannot be found." });
    await iam.call("DeleteRole", { RoleName: "exec" });
    expect(await iam.error("GetRole", { RoleName: "exec" })).toMatchObject({ code: "NoSuchEntity" });
  });

  it("refuses what names no policy, with IAM's texts", async () => {
    expect(await iam.error("AttachRolePolicy", { RoleName: "p1", PolicyArn: "longpolicynamebutnoarn" })).toMatchObject({ code: "ValidationError", message: "Invalid ARN:  Could not be parsed!" });
    expect(await iam.error("AttachRolePolicy", { RoleName: "p1", PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/none` })).toMatchObject({
      status: 404,
      code: "NoSuchEntity",
      message: `Policy arn:aws:iam::${ACCOUNT}:policy/none does not exist or is not attachable.`,
    });
    expect(await iam.error("AttachRolePolicy", { RoleName: "p1", PolicyArn: `arn:aws:iam::${ACCOUNT}:role/p3` })).toMatchObject({ code: "InvalidInput", message: `ARN arn:aws:iam::${ACCOUNT}:role/p3 is not valid.` });
    const slr = "arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy";
    expect(await iam.error("AttachRolePolicy", { RoleName: "p1", PolicyArn: slr })).toMatchObject({ code: "PolicyNotAttachable", message: "Cannot attach a Service Role Policy to a Customer Role." });
  });

  it("keeps a role's inline policies under 10,240 characters together, white space not counted", async () => {
    const doc = (n: number) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::${"b".repeat(n)}` }] });
    await iam.call("PutRolePolicy", { RoleName: "p3", PolicyName: "a", PolicyDocument: doc(5000) });
    await iam.call("PutRolePolicy", { RoleName: "p3", PolicyName: "a", PolicyDocument: doc(9000) });
    const err = await iam.error("PutRolePolicy", { RoleName: "p3", PolicyName: "b", PolicyDocument: doc(2000) });
    expect(err).toMatchObject({ status: 409, code: "LimitExceeded", message: "Maximum policy size of 10240 bytes exceeded for role p3" });
    expect((await iam.call("ListRolePolicies", { RoleName: "p3" })).PolicyNames).toEqual(["a"]);
  });
});

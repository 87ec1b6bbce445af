// Managed policies: AWS's catalog in every account, the account's own with their versions, the
// counts IAM keeps on each, ListPolicies' filters and paging, and the refusals with IAM's texts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeletePolicyCommand, GetPolicyVersionCommand, IAMClient } from "@aws-sdk/client-iam";
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
const EXEC = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
const client = () => new IAMClient({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" } });
const doc = (action = "s3:GetObject") => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });
const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }] });

describe("AWS managed policies", () => {
  it("are listed under Scope AWS with their real ARNs, ids, paths and versions, in AWS's order", async () => {
    const out = await iam.call("ListPolicies", { Scope: "AWS", MaxItems: 1000 });
    const names = out.Policies.map((p: any) => p.PolicyName);
    for (const n of ["AdministratorAccess", "ReadOnlyAccess", "AmazonECS_FullAccess", "AmazonEC2ContainerRegistryReadOnly", "CloudWatchLogsFullAccess", "AmazonSSMReadOnlyAccess", "AmazonSSMManagedInstanceCore"]) {
      expect(names).toContain(n);
    }
    expect(names.slice(0, 2)).toEqual(["AdministratorAccess", "ReadOnlyAccess"]);
    const exec = out.Policies.find((p: any) => p.PolicyName === "AmazonECSTaskExecutionRolePolicy");
    expect(exec).toEqual({
      PolicyName: "AmazonECSTaskExecutionRolePolicy",
      PolicyId: "ANPAJG4T4G4PV56DE72PY",
      Arn: EXEC,
      Path: "/service-role/",
      DefaultVersionId: "v1",
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      CreateDate: Date.parse("2017-11-16T18:48:22Z") / 1000,
      UpdateDate: Date.parse("2017-11-16T18:48:22Z") / 1000,
    });
    for (const p of ["AmazonECSInfrastructureRolePolicyForVolumes", "AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity", "AmazonECSInfrastructureRoleforExpressGatewayServices"]) {
      expect(out.Policies.find((x: any) => x.PolicyName === p).Path).toBe("/service-role/");
    }
    expect(out.Policies.find((x: any) => x.PolicyName === "AmazonECSInfrastructureRolePolicyForManagedInstances").Arn).toBe("arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForManagedInstances");
    const page = await iam.call("ListPolicies", { Scope: "AWS", PathPrefix: "/aws-service-role/" });
    expect(page.Policies.map((p: any) => p.PolicyName)).toEqual(["AWSElasticLoadBalancingServiceRolePolicy", "AmazonECSServiceRolePolicy", "AWSApplicationAutoscalingECSServicePolicy", "AutoScalingServiceRolePolicy"]);
  });

  it("answer GetPolicy with their description and GetPolicyVersion with their document, URL-encoded", async () => {
    const policy = (await iam.call("GetPolicy", { PolicyArn: "arn:aws:iam::aws:policy/AmazonECS_FullAccess" })).Policy;
    expect(policy.Description).toBe("Provides administrative access to Amazon ECS resources and enables ECS features through access to other AWS service resources, including VPCs, Auto Scaling groups, and CloudFormation stacks.");
    const version = (await client().send(new GetPolicyVersionCommand({ PolicyArn: EXEC, VersionId: "v1" }))).PolicyVersion!;
    expect(version.IsDefaultVersion).toBe(true);
    expect(JSON.parse(decodeURIComponent(version.Document!))).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: ["ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "logs:CreateLogStream", "logs:PutLogEvents"], Resource: "*" }],
    });
    expect(decodeURIComponent(version.Document!).startsWith('{\n  "Version" : "2012-10-17",\n  "Statement" : [\n')).toBe(true);
    const admin = (await iam.call("GetPolicyVersion", { PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess", VersionId: "v1" })).PolicyVersion;
    expect(JSON.parse(decodeURIComponent(admin.Document))).toEqual({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });
    expect(await iam.error("GetPolicyVersion", { PolicyArn: EXEC, VersionId: "v2" })).toMatchObject({ code: "NoSuchEntity", message: `Policy ${EXEC} version v2 does not exist or is not attachable.` });
    expect(await iam.error("GetPolicy", { PolicyArn: "arn:aws:iam::aws:policy/NoSuchPolicy" })).toMatchObject({ code: "NoSuchEntity", message: "Policy arn:aws:iam::aws:policy/NoSuchPolicy was not found." });
  });

  it("count their attachments in the account, and cannot be deleted or versioned by it", async () => {
    await iam.call("CreateRole", { RoleName: "r", AssumeRolePolicyDocument: trust });
    await iam.call("AttachRolePolicy", { RoleName: "r", PolicyArn: EXEC });
    expect((await iam.call("GetPolicy", { PolicyArn: EXEC })).Policy.AttachmentCount).toBe(1);
    expect((await iam.call("ListPolicies", { OnlyAttached: true })).Policies.map((p: any) => p.PolicyName)).toEqual(["AmazonECSTaskExecutionRolePolicy"]);
    expect(await iam.call("ListEntitiesForPolicy", { PolicyArn: EXEC })).toEqual({ PolicyGroups: [], PolicyUsers: [], PolicyRoles: [{ RoleName: "r", RoleId: expect.stringMatching(/^AROA/) }], IsTruncated: false });
    const err = await client().send(new DeletePolicyCommand({ PolicyArn: EXEC })).catch((e) => e);
    expect(err.name).toBe("AccessDenied");
    expect(err.message).toBe(`User: arn:aws:iam::${ACCOUNT}:root is not authorized to perform: iam:DeletePolicy on resource: policy ${EXEC}`);
    expect(err.$metadata.httpStatusCode).toBe(403);
    await iam.call("DetachRolePolicy", { RoleName: "r", PolicyArn: EXEC });
    expect((await iam.call("GetPolicy", { PolicyArn: EXEC })).Policy.AttachmentCount).toBe(0);
  });
});

describe("customer managed policies", () => {
  it("CreatePolicy makes version v1, the default, under the account's ARN", async () => {
    const created = (await iam.call("CreatePolicy", { PolicyName: "read", Path: "/app/", PolicyDocument: doc(), Description: "reads", Tags: [{ Key: "k", Value: "v" }] })).Policy;
    expect(created.PolicyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
    expect(created).toEqual({
      PolicyName: "read",
      PolicyId: created.PolicyId,
      Arn: `arn:aws:iam::${ACCOUNT}:policy/app/read`,
      Path: "/app/",
      DefaultVersionId: "v1",
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      Description: "reads",
      CreateDate: created.CreateDate,
      UpdateDate: created.CreateDate,
      Tags: [{ Key: "k", Value: "v" }],
    });
    const listed = (await iam.call("ListPolicies", { Scope: "Local" })).Policies;
    expect(listed).toEqual([{ ...created, Description: undefined, Tags: undefined }].map((p) => JSON.parse(JSON.stringify(p))));
    const dup = await iam.error("CreatePolicy", { PolicyName: "READ", PolicyDocument: doc() });
    expect(dup).toMatchObject({ status: 409, code: "EntityAlreadyExists", message: "A policy called READ already exists. Duplicate names are not allowed." });
  });

  it("checks documents as IAM does", async () => {
    const bad = async (d: unknown) => (await iam.error("CreatePolicy", { PolicyName: "bad", PolicyDocument: typeof d === "string" ? d : JSON.stringify(d) })).message;
    const stmt = { Effect: "Allow", Action: "s3:GetObject", Resource: "*" };
    expect(await bad("This is not a json document")).toBe("Syntax errors in policy.");
    expect(await bad({ Statement: stmt })).toBe("Policy document must be version 2012-10-17 or greater.");
    expect(await bad({ Version: "2013-10-17", Statement: stmt })).toBe("Syntax errors in policy.");
    expect(await bad({ Version: "2012-10-17", Statement: { ...stmt, Effect: "allow" } })).toBe("The policy failed legacy parsing");
    expect(await bad({ Version: "2012-10-17", Statement: [{ ...stmt, Sid: "a" }, { ...stmt, Sid: "a" }] })).toBe("Statement IDs (SID) in a single policy must be unique.");
    expect(await bad({ Version: "2012-10-17", Statement: { Effect: "Allow", Resource: "*" } })).toBe("Policy statement must contain actions.");
    expect(await bad({ Version: "2012-10-17", Statement: { Effect: "Allow", Action: "s3:GetObject" } })).toBe("Policy statement must contain resources.");
    expect(await bad({ Version: "2012-10-17", Statement: { ...stmt, Principal: "*" } })).toBe("Policy document should not specify a principal.");
    expect(await bad({ Version: "2012-10-17", Statement: { ...stmt, Action: "invalid" } })).toBe("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
    expect(await bad({ Version: "2012-10-17", Statement: { ...stmt, Resource: "adf" } })).toBe('Resource adf must be in ARN format or "*".');
    const big = { Version: "2012-10-17", Statement: { ...stmt, Resource: `arn:aws:s3:::${"x".repeat(6200)}` } };
    expect(await iam.error("CreatePolicy", { PolicyName: "big", PolicyDocument: JSON.stringify(big) })).toMatchObject({ status: 409, code: "LimitExceeded", message: "Cannot exceed quota for PolicySize: 6144" });
  });

  it("keeps five versions at most, never gives a deleted version's id again, and lists them newest first", async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:policy/app/read`;
    const v2 = (await iam.call("CreatePolicyVersion", { PolicyArn: arn, PolicyDocument: doc("s3:ListBucket") })).PolicyVersion;
    expect(v2).toEqual({ VersionId: "v2", IsDefaultVersion: false, CreateDate: v2.CreateDate });
    for (const action of ["s3:a", "s3:b", "s3:c"]) await iam.call("CreatePolicyVersion", { PolicyArn: arn, PolicyDocument: doc(action) });
    const full = await iam.error("CreatePolicyVersion", { PolicyArn: arn, PolicyDocument: doc() });
    expect(full).toMatchObject({ status: 409, code: "LimitExceeded", message: "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version." });
    await iam.call("DeletePolicyVersion", { PolicyArn: arn, VersionId: "v3" });
    const v6 = (await iam.call("CreatePolicyVersion", { PolicyArn: arn, PolicyDocument: doc("s3:d"), SetAsDefault: true })).PolicyVersion;
    expect(v6).toMatchObject({ VersionId: "v6", IsDefaultVersion: true });
    const versions = (await iam.call("ListPolicyVersions", { PolicyArn: arn })).Versions;
    expect(versions.map((v: any) => [v.VersionId, v.IsDefaultVersion])).toEqual([["v6", true], ["v5", false], ["v4", false], ["v2", false], ["v1", false]]);
    expect(versions[0]).not.toHaveProperty("Document");
    expect((await iam.call("GetPolicy", { PolicyArn: arn })).Policy.DefaultVersionId).toBe("v6");
    expect(decodeURIComponent((await iam.call("GetPolicyVersion", { PolicyArn: arn, VersionId: "v6" })).PolicyVersion.Document)).toBe(doc("s3:d"));
    expect(await iam.error("DeletePolicyVersion", { PolicyArn: arn, VersionId: "v6" })).toMatchObject({ status: 409, code: "DeleteConflict", message: "Cannot delete the default version of a policy." });
    await iam.call("SetDefaultPolicyVersion", { PolicyArn: arn, VersionId: "v1" });
    expect((await iam.call("GetPolicy", { PolicyArn: arn })).Policy.DefaultVersionId).toBe("v1");
  });

  it("DeletePolicy is refused while attached and while other versions remain", async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:policy/app/read`;
    await iam.call("AttachRolePolicy", { RoleName: "r", PolicyArn: arn });
    expect((await iam.call("GetPolicy", { PolicyArn: arn })).Policy.AttachmentCount).toBe(1);
    expect(await iam.error("DeletePolicy", { PolicyArn: arn })).toMatchObject({ status: 409, code: "DeleteConflict", message: "Cannot delete a policy attached to entities." });
    await iam.call("DetachRolePolicy", { RoleName: "r", PolicyArn: arn });
    expect(await iam.error("DeletePolicy", { PolicyArn: arn })).toMatchObject({
      code: "DeleteConflict",
      message: "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    });
    for (const v of ["v2", "v4", "v5", "v6"]) await iam.call("DeletePolicyVersion", { PolicyArn: arn, VersionId: v });
    await iam.call("DeletePolicy", { PolicyArn: arn });
    expect(await iam.error("DeletePolicy", { PolicyArn: arn })).toMatchObject({ status: 404, code: "NoSuchEntity", message: `Policy ${arn} was not found.` });
  });

  it("tags of a policy", async () => {
    const arn = (await iam.call("CreatePolicy", { PolicyName: "tagged", PolicyDocument: doc() })).Policy.Arn;
    await iam.call("TagPolicy", { PolicyArn: arn, Tags: [{ Key: "a", Value: "1" }, { Key: "b", Value: "2" }] });
    await iam.call("UntagPolicy", { PolicyArn: arn, TagKeys: ["A"] });
    expect(await iam.call("ListPolicyTags", { PolicyArn: arn })).toEqual({ Tags: [{ Key: "b", Value: "2" }], IsTruncated: false });
    expect(await iam.call("ListPolicyTags", { PolicyArn: EXEC })).toEqual({ Tags: [], IsTruncated: false });
  });
});

describe("ListPolicies", () => {
  it("pages AWS's policies, then the account's, with Marker and MaxItems", async () => {
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const out = await iam.call("ListPolicies", { MaxItems: 7, ...(marker ? { Marker: marker } : {}) });
      seen.push(...out.Policies.map((p: any) => p.PolicyName));
      expect(out.Policies.length).toBeLessThanOrEqual(7);
      marker = out.IsTruncated ? out.Marker : undefined;
      pages++;
    } while (marker);
    const all = (await iam.call("ListPolicies", { MaxItems: 1000 })).Policies.map((p: any) => p.PolicyName);
    expect(seen).toEqual(all);
    expect(all.at(-1)).toBe("tagged");
    expect(pages).toBe(Math.ceil(all.length / 7));
  });
});

// Instance profiles (one role each) and service-linked roles (made by the service's rules, changed
// only by it, deleted by a task the clock completes), with the ports EC2 and STS read them through.
// The server runs the `realistic` timings, so that a deletion in progress can be seen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";

let t: TestLocal;
let iam: QueryCaller;
beforeAll(async () => {
  t = await startLocal({ timingProfile: "realistic" });
  iam = queryCaller(t, "iam");
});
afterAll(async () => t.close());

const ACCOUNT = "000000000000";
const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });

describe("instance profiles", () => {
  it("are made empty, hold one role, and show it", async () => {
    const made = (await iam.call("CreateInstanceProfile", { InstanceProfileName: "ecs-node", Path: "/ecs/", Tags: [{ Key: "a", Value: "b" }] })).InstanceProfile;
    expect(made.InstanceProfileId).toMatch(/^AIPA[A-Z2-7]{17}$/);
    expect(made).toEqual({ Path: "/ecs/", InstanceProfileName: "ecs-node", InstanceProfileId: made.InstanceProfileId, Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/ecs/ecs-node`, CreateDate: made.CreateDate, Roles: [], Tags: [{ Key: "a", Value: "b" }] });
    const role = (await iam.call("CreateRole", { RoleName: "ecsInstanceRole", AssumeRolePolicyDocument: trust, Description: "nodes" })).Role;
    await iam.call("CreateRole", { RoleName: "spare", AssumeRolePolicyDocument: trust });
    await iam.call("AddRoleToInstanceProfile", { InstanceProfileName: "ecs-node", RoleName: "ecsInstanceRole" });
    const got = (await iam.call("GetInstanceProfile", { InstanceProfileName: "ecs-node" })).InstanceProfile;
    expect(got.Roles).toEqual([{ Path: "/", RoleName: "ecsInstanceRole", RoleId: role.RoleId, Arn: role.Arn, CreateDate: role.CreateDate, AssumeRolePolicyDocument: role.AssumeRolePolicyDocument }]);
    expect(await iam.error("AddRoleToInstanceProfile", { InstanceProfileName: "ecs-node", RoleName: "spare" })).toMatchObject({ status: 409, code: "LimitExceeded", message: "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1" });
    expect((await iam.call("ListInstanceProfilesForRole", { RoleName: "ecsInstanceRole" })).InstanceProfiles.map((p: any) => p.InstanceProfileName)).toEqual(["ecs-node"]);
    const listed = (await iam.call("ListInstanceProfiles", { PathPrefix: "/ecs/" })).InstanceProfiles;
    expect(listed).toEqual([{ ...got, Tags: undefined }].map((p) => JSON.parse(JSON.stringify(p))));
    expect(await iam.error("CreateInstanceProfile", { InstanceProfileName: "ECS-NODE" })).toMatchObject({ status: 409, code: "EntityAlreadyExists", message: "Instance Profile ECS-NODE already exists." });
    expect(await iam.error("GetInstanceProfile", { InstanceProfileName: "none" })).toMatchObject({ status: 404, code: "NoSuchEntity", message: "Instance Profile none cannot be found." });
  });

  it("are what EC2 finds by name or ARN, and STS finds the role by ARN", async () => {
    const { iam: port } = t.local.registry.backends;
    const profile = (await iam.call("GetInstanceProfile", { InstanceProfileName: "ecs-node" })).InstanceProfile;
    const view = { arn: profile.Arn, id: profile.InstanceProfileId, name: "ecs-node" };
    expect(port.instanceProfile(ACCOUNT, "ECS-node")).toEqual(view);
    expect(port.instanceProfile(ACCOUNT, profile.Arn)).toEqual(view);
    expect(port.instanceProfile("111111111111", "ecs-node")).toBeUndefined();
    const role = (await iam.call("GetRole", { RoleName: "ecsInstanceRole" })).Role;
    expect(port.role(ACCOUNT, role.Arn)).toEqual({ arn: role.Arn, roleName: "ecsInstanceRole", roleId: role.RoleId, assumeRolePolicyDocument: trust, maxSessionDuration: 3600 });
    expect(port.role(ACCOUNT, `arn:aws:iam::${ACCOUNT}:role/other/ecsInstanceRole`)).toBeUndefined();
  });

  it("hold on to their role: neither goes until it is removed", async () => {
    expect(await iam.error("DeleteRole", { RoleName: "ecsInstanceRole" })).toMatchObject({ status: 409, code: "DeleteConflict", message: "Cannot delete entity, must remove roles from instance profile first." });
    expect(await iam.error("DeleteInstanceProfile", { InstanceProfileName: "ecs-node" })).toMatchObject({ code: "DeleteConflict", message: "Cannot delete entity, must remove roles from instance profile first." });
    await iam.call("RemoveRoleFromInstanceProfile", { InstanceProfileName: "ecs-node", RoleName: "ecsInstanceRole" });
    expect(await iam.error("RemoveRoleFromInstanceProfile", { InstanceProfileName: "ecs-node", RoleName: "ecsInstanceRole" })).toMatchObject({ code: "NoSuchEntity" });
    await iam.call("TagInstanceProfile", { InstanceProfileName: "ecs-node", Tags: [{ Key: "c", Value: "d" }] });
    await iam.call("UntagInstanceProfile", { InstanceProfileName: "ecs-node", TagKeys: ["a"] });
    expect((await iam.call("ListInstanceProfileTags", { InstanceProfileName: "ecs-node" })).Tags).toEqual([{ Key: "c", Value: "d" }]);
    await iam.call("DeleteInstanceProfile", { InstanceProfileName: "ecs-node" });
    await iam.call("DeleteRole", { RoleName: "ecsInstanceRole" });
    expect((await iam.call("ListInstanceProfiles", {})).InstanceProfiles).toEqual([]);
  });
});

describe("service-linked roles", () => {
  it("are made under /aws-service-role/<service>/ with the service's trust policy and managed policy", async () => {
    const role = (await iam.call("CreateServiceLinkedRole", { AWSServiceName: "ecs.amazonaws.com" })).Role;
    expect(role).toEqual({
      Path: "/aws-service-role/ecs.amazonaws.com/",
      RoleName: "AWSServiceRoleForECS",
      RoleId: role.RoleId,
      Arn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
      CreateDate: role.CreateDate,
      AssumeRolePolicyDocument: role.AssumeRolePolicyDocument,
    });
    expect(JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument))).toEqual({ Version: "2012-10-17", Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: "ecs.amazonaws.com" } }] });
    expect((await iam.call("ListAttachedRolePolicies", { RoleName: "AWSServiceRoleForECS" })).AttachedPolicies).toEqual([
      { PolicyName: "AmazonECSServiceRolePolicy", PolicyArn: "arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy" },
    ]);
    expect((await iam.call("GetPolicy", { PolicyArn: "arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy" })).Policy.AttachmentCount).toBe(1);
    const scaling = (await iam.call("CreateServiceLinkedRole", { AWSServiceName: "ecs.application-autoscaling.amazonaws.com", Description: "scales" })).Role;
    expect(scaling).toMatchObject({ RoleName: "AWSServiceRoleForApplicationAutoScaling_ECSService", Description: "scales" });
    const suffixed = (await iam.call("CreateServiceLinkedRole", { AWSServiceName: "autoscaling.amazonaws.com", CustomSuffix: "web" })).Role;
    expect(suffixed.Arn).toBe(`arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling_web`);
  });

  it("refuse a second of a name, a suffix the service does not take, and a service ecs-local does not know", async () => {
    expect(await iam.error("CreateServiceLinkedRole", { AWSServiceName: "ecs.amazonaws.com" })).toMatchObject({
      status: 400,
      code: "InvalidInput",
      message: "Service role name AWSServiceRoleForECS has been taken in this account, please try a different suffix.",
    });
    expect(await iam.error("CreateServiceLinkedRole", { AWSServiceName: "ecs.amazonaws.com", CustomSuffix: "x" })).toMatchObject({ code: "InvalidInput", message: "Custom suffix is not allowed for ecs.amazonaws.com" });
    expect(await iam.error("CreateServiceLinkedRole", { AWSServiceName: "lex.amazonaws.com" })).toMatchObject({ code: "UnsupportedOperation" });
  });

  it("are changed only by their service", async () => {
    const protectedText = "Cannot perform the operation on the protected role 'AWSServiceRoleForECS' - this role is only modifiable by AWS";
    for (const [op, input] of [
      ["DeleteRole", {}],
      ["AttachRolePolicy", { PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
      ["DetachRolePolicy", { PolicyArn: "arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy" }],
      ["UpdateAssumeRolePolicy", { PolicyDocument: trust }],
    ] as const) {
      expect(await iam.error(op, { RoleName: "AWSServiceRoleForECS", ...input })).toMatchObject({ status: 400, code: "UnmodifiableEntity", message: protectedText });
    }
    await iam.call("UpdateRoleDescription", { RoleName: "AWSServiceRoleForECS", Description: "mine" });
    expect((await iam.call("GetRole", { RoleName: "AWSServiceRoleForECS" })).Role.Description).toBe("mine");
  });

  it("are deleted by a task that the clock completes", async () => {
    const { DeletionTaskId: id } = await iam.call("DeleteServiceLinkedRole", { RoleName: "AWSServiceRoleForECS" });
    expect(id).toMatch(/^task\/aws-service-role\/ecs\.amazonaws\.com\/AWSServiceRoleForECS\/[0-9a-f-]{36}$/);
    expect(await iam.call("GetServiceLinkedRoleDeletionStatus", { DeletionTaskId: id })).toEqual({ Status: "IN_PROGRESS" });
    expect((await iam.call("DeleteServiceLinkedRole", { RoleName: "AWSServiceRoleForECS" })).DeletionTaskId).toBe(id);
    t.advance(5_000);
    expect(await iam.call("GetServiceLinkedRoleDeletionStatus", { DeletionTaskId: id })).toEqual({ Status: "SUCCEEDED" });
    expect(await iam.error("GetRole", { RoleName: "AWSServiceRoleForECS" })).toMatchObject({ code: "NoSuchEntity" });
    expect((await iam.call("GetPolicy", { PolicyArn: "arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy" })).Policy.AttachmentCount).toBe(0);
    expect(await iam.error("GetServiceLinkedRoleDeletionStatus", { DeletionTaskId: "nonsense" })).toMatchObject({ code: "InvalidInput" });
    expect(await iam.error("DeleteServiceLinkedRole", { RoleName: "spare" })).toMatchObject({ code: "ValidationError", message: "Role spare is not a service-linked role." });
  });
});

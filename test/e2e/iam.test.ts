// An ECS instance role as users make one with the real `aws` CLI (a trust policy from a file, the
// managed policy, an instance profile), what the CLI prints of it (documents decoded), the delete
// IAM refuses, then the clean-up in the order it asks for, with boto3.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { tempDir } from "../helpers/tempDir.js";
import { orderedSteps } from "./budget.js";
import { startServer, type RunningServer } from "./server.js";
import { botoPresent, clientEnv, cliPresent, awsCli, run } from "./tools.js";

let server: RunningServer;

if (!cliPresent || !botoPresent) console.warn("skipping the IAM end-to-end test: it needs the `aws` CLI and boto3");

const env = clientEnv("123456789012");
const EXEC = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
const trust = { Version: "2012-10-17", Statement: [{ Sid: "", Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] };

const aws = async (...args: string[]) => JSON.parse((await awsCli(["iam", ...args, "--endpoint-url", server.url, "--output", "json"], { env })).stdout || "{}");

describe.skipIf(!cliPresent || !botoPresent)("IAM end to end", () => {
  beforeAll(async () => {
    server = await startServer({ ECS_LOCAL_VALIDATE_OUTPUT: "1" });
  });
  afterAll(async () => server?.stop());
  const step = orderedSteps();

  step("aws iam: a role from a trust policy file, the managed policy, an instance profile holding it", 4, async () => {
    const file = join(tempDir("ecs-local-iam-"), "trust.json");
    writeFileSync(file, JSON.stringify(trust, null, 2));
    const created = await aws("create-role", "--role-name", "ecsInstanceRole", "--assume-role-policy-document", `file://${file}`);
    expect(created.Role.Arn).toBe("arn:aws:iam::123456789012:role/ecsInstanceRole");
    expect(created.Role.AssumeRolePolicyDocument).toEqual(trust);
    await aws("attach-role-policy", "--role-name", "ecsInstanceRole", "--policy-arn", EXEC);
    const profile = await aws("create-instance-profile", "--instance-profile-name", "ecsInstanceProfile");
    expect(profile.InstanceProfile.InstanceProfileId).toMatch(/^AIPA[A-Z2-7]{17}$/);
    await aws("add-role-to-instance-profile", "--instance-profile-name", "ecsInstanceProfile", "--role-name", "ecsInstanceRole");
  });

  step("aws iam get-role prints the trust policy decoded; list-attached-role-policies names the policy (the CLI pages it whole)", 2, async () => {
    const role = (await aws("get-role", "--role-name", "ecsInstanceRole")).Role;
    expect(role).toMatchObject({ RoleName: "ecsInstanceRole", Path: "/", MaxSessionDuration: 3600, AssumeRolePolicyDocument: trust, RoleLastUsed: {} });
    expect(role.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(await aws("list-attached-role-policies", "--role-name", "ecsInstanceRole")).toEqual({ AttachedPolicies: [{ PolicyName: "AmazonECSTaskExecutionRolePolicy", PolicyArn: EXEC }] });
  });

  step("aws iam delete-role is refused while the role is in use", 1, async () => {
    const err = await awsCli(["iam", "delete-role", "--role-name", "ecsInstanceRole", "--endpoint-url", server.url], { env }).catch((e) => e);
    expect(err.code).not.toBe(0);
    expect(err.stderr).toContain("An error occurred (DeleteConflict) when calling the DeleteRole operation: Cannot delete entity, must remove roles from instance profile first.");
  });

  step("boto3: the clean-up in the order IAM asks for, and the policy documents as dictionaries", 1, async () => {
    const script = `
import boto3, json, sys
iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1")
out = {}
out["document"] = iam.get_policy_version(PolicyArn="${EXEC}", VersionId="v1")["PolicyVersion"]["Document"]["Statement"][0]["Action"]
iam.remove_role_from_instance_profile(InstanceProfileName="ecsInstanceProfile", RoleName="ecsInstanceRole")
iam.delete_instance_profile(InstanceProfileName="ecsInstanceProfile")
try:
    iam.delete_role(RoleName="ecsInstanceRole")
except iam.exceptions.DeleteConflictException as e:
    out["conflict"] = e.response["Error"]["Message"]
iam.detach_role_policy(RoleName="ecsInstanceRole", PolicyArn="${EXEC}")
iam.delete_role(RoleName="ecsInstanceRole")
out["roles"] = [r["RoleName"] for r in iam.list_roles()["Roles"]]
out["me"] = iam.get_user()["User"]["Arn"]
print(json.dumps(out))
`;
    const { stdout } = await run("python3", ["-c", script, server.url], { env });
    expect(JSON.parse(stdout.trim())).toEqual({
      document: ["ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "logs:CreateLogStream", "logs:PutLogEvents"],
      conflict: "Cannot delete entity, must detach all policies first.",
      roles: [],
      me: "arn:aws:iam::123456789012:root",
    });
  });
});

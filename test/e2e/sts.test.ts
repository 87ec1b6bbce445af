// The first call deploy tools make, with the real `aws` CLI and boto3 against the started server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./server.js";
import { botoPresent, clientEnv, cliPresent, awsCli, run } from "./tools.js";

let server: RunningServer;

if (!cliPresent) console.warn("skipping the aws CLI STS test: no `aws` on PATH");
if (!botoPresent) console.warn("skipping the boto3 STS test: python3 cannot import boto3");

const env = clientEnv;

describe.skipIf(!cliPresent && !botoPresent)("STS end to end", () => {
  beforeAll(async () => {
    server = await startServer({ ECS_LOCAL_VALIDATE_OUTPUT: "1" });
  });
  afterAll(async () => server?.stop());

  it.skipIf(!cliPresent)("aws sts get-caller-identity", async () => {
    const { stdout } = await awsCli(["sts", "get-caller-identity", "--endpoint-url", server.url, "--output", "json"], { env: env("123456789012") });
    expect(JSON.parse(stdout)).toEqual({ UserId: "123456789012", Account: "123456789012", Arn: "arn:aws:iam::123456789012:root" });
  });

  it.skipIf(!cliPresent)("aws iam get-user with the root user's keys answers the root user, as IAM shows it", async () => {
    const { stdout } = await awsCli(["iam", "get-user", "--endpoint-url", server.url, "--output", "json"], { env: env("123456789012") });
    expect(JSON.parse(stdout)).toEqual({ User: { UserId: "123456789012", Arn: "arn:aws:iam::123456789012:root", CreateDate: "2020-01-01T00:00:00.000Z" } });
  });

  it.skipIf(!cliPresent)("aws sts assume-role of a role made with aws iam, then get-caller-identity and ECS with the credentials it returned", async () => {
    const cli = async (args: string[], e: NodeJS.ProcessEnv) => JSON.parse((await awsCli([...args, "--endpoint-url", server.url, "--output", "json"], { env: e })).stdout || "{}");
    const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" }] };
    const role = await cli(["iam", "create-role", "--role-name", "deploy", "--assume-role-policy-document", JSON.stringify(trust)], env("123456789012"));
    const { Credentials: c, AssumedRoleUser } = await cli(["sts", "assume-role", "--role-arn", role.Role.Arn, "--role-session-name", "ci"], env("123456789012"));
    expect(AssumedRoleUser.Arn).toBe("arn:aws:sts::123456789012:assumed-role/deploy/ci");
    const session = { ...env("123456789012"), AWS_ACCESS_KEY_ID: c.AccessKeyId, AWS_SECRET_ACCESS_KEY: c.SecretAccessKey, AWS_SESSION_TOKEN: c.SessionToken };
    expect(await cli(["sts", "get-caller-identity"], session)).toEqual({ UserId: AssumedRoleUser.AssumedRoleId, Account: "123456789012", Arn: "arn:aws:sts::123456789012:assumed-role/deploy/ci" });
    const cluster = await cli(["ecs", "create-cluster", "--cluster-name", "by-role"], session);
    expect(cluster.cluster.clusterArn).toBe("arn:aws:ecs:us-east-1:123456789012:cluster/by-role");
    // Another account's root is not trusted: STS's AccessDenied, as the CLI prints it.
    const denied = await awsCli(["sts", "assume-role", "--role-arn", role.Role.Arn, "--role-session-name", "ci", "--endpoint-url", server.url], { env: env("210987654321") }).catch((e) => e);
    expect(denied.code).toBe(255);
    expect(denied.stderr).toContain(`An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::210987654321:root is not authorized to perform: sts:AssumeRole on resource: ${role.Role.Arn}`);
  });

  it.skipIf(!botoPresent)("boto3 sts.get_caller_identity(), and a role made in IAM assumed through STS", async () => {
    const script = `
import boto3, json, sys
kw = dict(endpoint_url=sys.argv[1], region_name="us-east-1")
sts, iam = boto3.client("sts", **kw), boto3.client("iam", **kw)
out = sts.get_caller_identity()
print(json.dumps({k: out[k] for k in ("UserId", "Account", "Arn")}))
trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::000000000000:root"}, "Action": "sts:AssumeRole"}]}
role = iam.create_role(RoleName="deployer", AssumeRolePolicyDocument=json.dumps(trust))["Role"]
creds = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="ci")["Credentials"]
session = dict(aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"], **kw)
print(json.dumps(boto3.client("sts", **session).get_caller_identity()["Arn"]))
try:
    boto3.client("iam", **session).get_user()
except iam.exceptions.ClientError as e:
    print(json.dumps(e.response["Error"]))
`;
    const { stdout } = await run("python3", ["-c", script, server.url], { env: env("AKIDEXAMPLE") });
    const [identity, assumed, error] = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(identity).toEqual({ UserId: "000000000000", Account: "000000000000", Arn: "arn:aws:iam::000000000000:root" });
    expect(assumed).toBe("arn:aws:sts::000000000000:assumed-role/deployer/ci");
    expect(error).toEqual({ Type: "Sender", Code: "ValidationError", Message: "Must specify userName when calling with non-User credentials" });
  });
});

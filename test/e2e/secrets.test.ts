// Secrets Manager with the real `aws` CLI and boto3: create, put a new value, read by stage,
// describe, delete with and without a recovery window, restore. Few calls: each costs a Python start.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budget } from "./budget.js";
import { startServer, type RunningServer } from "./server.js";
import { botoPresent, clientEnv, cliPresent, awsCli, run } from "./tools.js";

let server: RunningServer;

if (!cliPresent) console.warn("skipping the aws CLI Secrets Manager test: no `aws` on PATH");
if (!botoPresent) console.warn("skipping the boto3 Secrets Manager test: python3 cannot import boto3");

describe.skipIf(!cliPresent && !botoPresent)("Secrets Manager end to end", () => {
  beforeAll(async () => {
    server = await startServer({ ECS_LOCAL_VALIDATE_OUTPUT: "1" });
  });
  afterAll(async () => server?.stop());

  const aws = async (...args: string[]) => JSON.parse((await awsCli(["secretsmanager", ...args, "--endpoint-url", server.url, "--output", "json"], { env: clientEnv() })).stdout || "{}");

  it.skipIf(!cliPresent)("aws secretsmanager: create, put, get by stage, describe, delete, restore", async () => {
    const created = await aws("create-secret", "--name", "cli/db", "--secret-string", '{"password":"one"}', "--description", "from the CLI");
    expect(created.ARN).toMatch(/^arn:aws:secretsmanager:us-east-1:000000000000:secret:cli\/db-[A-Za-z0-9]{6}$/);
    const put = await aws("put-secret-value", "--secret-id", "cli/db", "--secret-string", '{"password":"two"}');
    expect(put.VersionStages).toEqual(["AWSCURRENT"]);
    const previous = await aws("get-secret-value", "--secret-id", created.ARN, "--version-stage", "AWSPREVIOUS");
    expect([previous.SecretString, previous.VersionId]).toEqual(['{"password":"one"}', created.VersionId]);
    const deleted = await aws("delete-secret", "--secret-id", "cli/db", "--recovery-window-in-days", "7");
    const described = await aws("describe-secret", "--secret-id", "cli/db");
    expect(described.Description).toBe("from the CLI");
    expect(described.VersionIdsToStages).toEqual({ [created.VersionId]: ["AWSPREVIOUS"], [put.VersionId]: ["AWSCURRENT"] });
    expect(deleted.DeletionDate - described.DeletedDate).toBeCloseTo(7 * 86_400, 0);
    expect(await aws("restore-secret", "--secret-id", "cli/db")).toEqual({ ARN: created.ARN, Name: "cli/db" });
    expect((await aws("delete-secret", "--secret-id", "cli/db", "--force-delete-without-recovery")).Name).toBe("cli/db");
  }, budget(8));

  it.skipIf(!botoPresent)("boto3: the same life of a secret, errors included", async () => {
    const script = `
import boto3, json, sys
sm = boto3.client("secretsmanager", endpoint_url=sys.argv[1], region_name="us-east-1")
out = []
c = sm.create_secret(Name="py/key", SecretBinary=b"\\x00\\x01bin")
sm.put_secret_value(SecretId="py/key", SecretString="text", VersionStages=["AWSPENDING"])
cur = sm.get_secret_value(SecretId=c["ARN"])
pend = sm.get_secret_value(SecretId="py/key", VersionStage="AWSPENDING")
out.append([list(cur["SecretBinary"]), cur["VersionStages"], pend["SecretString"]])
d = sm.delete_secret(SecretId="py/key")
try:
    sm.get_secret_value(SecretId="py/key")
except sm.exceptions.InvalidRequestException as e:
    out.append(e.response["Error"])
desc = sm.describe_secret(SecretId="py/key")
out.append(round((d["DeletionDate"] - desc["DeletedDate"]).total_seconds()))
sm.restore_secret(SecretId="py/key")
out.append(sm.get_secret_value(SecretId="py/key")["VersionId"] == c["VersionId"])
out.append(sm.delete_secret(SecretId="py/key", ForceDeleteWithoutRecovery=True)["Name"])
try:
    sm.describe_secret(SecretId="py/key")
except sm.exceptions.ResourceNotFoundException as e:
    out.append(e.response["Error"]["Message"])
print(json.dumps(out))
`;
    const { stdout } = await run("python3", ["-c", script, server.url], { env: clientEnv() });
    expect(JSON.parse(stdout)).toEqual([
      [[0, 1, 98, 105, 110], ["AWSCURRENT"], "text"],
      { Code: "InvalidRequestException", Message: "You can't perform this operation on the secret because it was marked for deletion." },
      30 * 86_400,
      true,
      "py/key",
      "Secrets Manager can't find the specified secret.",
    ]);
  }, budget(1));
});

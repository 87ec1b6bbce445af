// Parameter Store with the real `aws` CLI and boto3: String and SecureString parameters, decryption,
// labels, the public ECS-optimized AMI tree, and the AMI id EC2 knows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicImage, publicImageId } from "../../src/services/ec2/domain/publicImages.js";
import { startServer, type RunningServer } from "./server.js";
import { botoPresent, clientEnv, cliPresent, awsCli, run } from "./tools.js";

let server: RunningServer;
const AL2023 = "/aws/service/ecs/optimized-ami/amazon-linux-2023";

if (!cliPresent) console.warn("skipping the aws CLI SSM test: no `aws` on PATH");
if (!botoPresent) console.warn("skipping the boto3 SSM test: python3 cannot import boto3");

async function aws(...args: string[]): Promise<any> {
  const { stdout } = await awsCli(["ssm", ...args, "--endpoint-url", server.url, "--output", "json"], { env: clientEnv("123456789012") });
  return stdout.trim() ? JSON.parse(stdout) : undefined;
}

describe.skipIf(!cliPresent && !botoPresent)("SSM end to end", () => {
  beforeAll(async () => {
    server = await startServer({ ECS_LOCAL_VALIDATE_OUTPUT: "1" });
  });
  afterAll(async () => server?.stop());

  it.skipIf(!cliPresent)("aws ssm: put, decrypt, label, read by label, the public AMI tree", async () => {
    expect(await aws("put-parameter", "--name", "/app/db/host", "--value", "db.internal", "--type", "String")).toEqual({ Version: 1, Tier: "Standard" });
    expect(await aws("put-parameter", "--name", "/app/db/password", "--value", "hunter2", "--type", "SecureString")).toEqual({ Version: 1, Tier: "Standard" });
    const secret = (await aws("get-parameter", "--name", "/app/db/password", "--with-decryption")).Parameter;
    expect(secret).toMatchObject({ Name: "/app/db/password", Type: "SecureString", Value: "hunter2", Version: 1, ARN: "arn:aws:ssm:us-east-1:123456789012:parameter/app/db/password" });
    expect(await aws("label-parameter-version", "--name", "/app/db/host", "--parameter-version", "1", "--labels", "stable")).toEqual({ InvalidLabels: [], ParameterVersion: 1 });
    expect((await aws("get-parameter", "--name", "/app/db/host:stable")).Parameter).toMatchObject({ Value: "db.internal", Version: 1, Selector: ":stable" });
    const tree = (await aws("get-parameters-by-path", "--path", AL2023, "--recursive")).Parameters.map((p: any) => p.Name);
    expect(tree).toContain(`${AL2023}/recommended/image_id`);
    expect(tree).toContain(`${AL2023}/arm64/recommended`);
    expect(tree).toHaveLength(44);
    const imageId = (await aws("get-parameter", "--name", `${AL2023}/recommended/image_id`)).Parameter.Value;
    expect(imageId).toBe(publicImageId("us-east-1", "al2023-ami-ecs-hvm-2023.0.20260820-kernel-6.1-x86_64"));
    expect(publicImage("us-east-1", imageId)).toMatchObject({ architecture: "x86_64", ecsOptimized: true });
  }, 60_000);

  it.skipIf(!botoPresent)("boto3: put_parameter, get_parameter(s), history and errors", async () => {
    const script = `
import boto3, json, sys
ssm = boto3.client("ssm", endpoint_url=sys.argv[1], region_name="us-east-1")
ssm.put_parameter(Name="/boto/token", Value="t1", Type="SecureString", KeyId="alias/app")
ssm.put_parameter(Name="/boto/token", Value="t2", Overwrite=True)
got = ssm.get_parameters(Names=["/boto/token", "/boto/none"], WithDecryption=True)
print(json.dumps({"values": [p["Value"] for p in got["Parameters"]], "invalid": got["InvalidParameters"]}))
hist = ssm.get_parameter_history(Name="/boto/token")["Parameters"]
print(json.dumps([[h["Version"], h["KeyId"], h["Value"].startswith("AQICAH")] for h in hist]))
try:
    ssm.put_parameter(Name="/boto/token", Value="t3", Type="SecureString")
except ssm.exceptions.ParameterAlreadyExists as e:
    print(json.dumps(e.response["Error"]))
try:
    ssm.get_parameter(Name="/boto/none")
except ssm.exceptions.ParameterNotFound as e:
    print(json.dumps(e.response["Error"]))
`;
    const { stdout } = await run("python3", ["-c", script, server.url], { env: clientEnv("123456789012") });
    const [values, history, exists, missing] = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(values).toEqual({ values: ["t2"], invalid: ["/boto/none"] });
    expect(history).toEqual([
      [1, "alias/app", true],
      [2, "alias/app", true],
    ]);
    expect(exists).toEqual({ Code: "ParameterAlreadyExists", Message: "The parameter already exists. To overwrite this value, set the overwrite option in the request to true." });
    expect(missing).toEqual({ Code: "ParameterNotFound", Message: "" });
  }, 60_000);
});

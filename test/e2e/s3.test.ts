// S3 with the real `aws` CLI (botocore's rest-xml client, its path-style addressing for an IP
// endpoint, `encoding-type=url` listings): make a bucket, copy a file in and out (a large one in
// parts and byte ranges), list, deploy a template from it (`aws cloudformation deploy --s3-bucket`), remove it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./server.js";
import { clientEnv, cliPresent, run } from "./tools.js";

let server: RunningServer;
let dir: string;

if (!cliPresent) console.warn("skipping the aws CLI S3 test: no `aws` on PATH");

async function aws(...args: string[]): Promise<string> {
  // The CLI's own S3 client (the one `cloudformation deploy` uploads with) takes the endpoint from the environment.
  const { stdout } = await run("aws", [...args, "--endpoint-url", server.url], { env: { ...clientEnv(), AWS_ENDPOINT_URL_S3: server.url } });
  return stdout;
}

describe.skipIf(!cliPresent)("S3 end to end", () => {
  beforeAll(async () => {
    server = await startServer({ ECS_LOCAL_VALIDATE_OUTPUT: "1" });
    dir = mkdtempSync(join(tmpdir(), "ecs-local-s3-cli-"));
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("aws s3: mb, cp in and out (a large file in parts and ranges), ls, a template deployed from the bucket, rb --force", async () => {
    expect(await aws("s3", "mb", "s3://cli-assets")).toContain("make_bucket: cli-assets");
    writeFileSync(join(dir, "app template.json"), '{"Resources":{}}');
    await aws("s3", "cp", join(dir, "app template.json"), "s3://cli-assets/stacks/app template.json");
    const listed = await aws("s3", "ls", "s3://cli-assets", "--recursive");
    expect(listed).toMatch(/\s16 stacks\/app template\.json\n$/);
    // The CLI uploads the template and passes CloudFormation its URL on this endpoint.
    writeFileSync(join(dir, "logs.yaml"), "Resources:\n  Group:\n    Type: AWS::Logs::LogGroup\n");
    await aws("cloudformation", "deploy", "--stack-name", "from-s3", "--template-file", join(dir, "logs.yaml"), "--s3-bucket", "cli-assets", "--s3-prefix", "cfn");
    expect((await aws("cloudformation", "describe-stacks", "--stack-name", "from-s3", "--query", "Stacks[0].StackStatus", "--output", "text")).trim()).toBe("CREATE_COMPLETE");
    // Over 8 MB the CLI uploads in parts and downloads in byte ranges.
    const big = Buffer.alloc(9 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) big.writeUInt32BE(i, i);
    writeFileSync(join(dir, "big.bin"), big);
    await aws("s3", "cp", join(dir, "big.bin"), "s3://cli-assets/big.bin");
    await aws("s3", "cp", "s3://cli-assets/big.bin", join(dir, "big-back.bin"));
    expect(readFileSync(join(dir, "big-back.bin")).equals(big)).toBe(true);
    expect(await aws("s3", "rb", "s3://cli-assets", "--force")).toContain("remove_bucket: cli-assets");
  }, 90_000);
});

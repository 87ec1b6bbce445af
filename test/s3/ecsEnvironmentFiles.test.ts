// ECS reads a container's environmentFiles from S3 through S3's port before the task starts: files
// that exist let it run; a missing object, or another account's bucket, stops it with the agent's text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { parseEnvironmentFile } from "../../src/services/ecs/scheduler/environmentFiles.js";
import { fargateTaskDefinition, SUBNETS } from "../helpers/fixtures.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { s3Client } from "../helpers/s3.js";

let t: TestLocal;
const ROLE = "arn:aws:iam::000000000000:role/ecsTaskExecutionRole";

beforeAll(async () => {
  t = await startLocal();
});
afterAll(() => t.close());

async function runWith(family: string, files: string[]) {
  const environmentFiles = files.map((value) => ({ value, type: "s3" as const }));
  await t.ecs("RegisterTaskDefinition", fargateTaskDefinition(family, { executionRoleArn: ROLE, containerDefinitions: [{ name: "app", image: "nginx", environmentFiles }] }));
  const task = (await t.ecs("RunTask", { cluster: "default", taskDefinition: family, launchType: "FARGATE", networkConfiguration: SUBNETS })).tasks![0];
  for (let i = 0; i < 10; i++) t.advance(10_000);
  return (await t.ecs("DescribeTasks", { cluster: "default", tasks: [task.taskArn!] })).tasks![0];
}

describe("ECS environment files from S3", () => {
  it("reads VARIABLE=VALUE lines as the agent does: comments, blank lines and empty sides skipped, the first '=' splits", () => {
    const vars = parseEnvironmentFile("# a comment\nA=1\n\n  B = two words \nC=x=y\nNOVALUE=\n=nokey\nnoequals\r\nD=\"quoted\"\r\n");
    expect([...vars]).toEqual([["A", "1"], ["B ", " two words"], ["C", "x=y"], ["D", '"quoted"']]);
  });

  it("start a task whose files exist; stop one whose file is missing (404) or in another account's bucket (403)", async () => {
    await t.ecs("CreateCluster", { clusterName: "default" });
    await s3Client(t).send(new CreateBucketCommand({ Bucket: "app-config" }));
    await s3Client(t).send(new PutObjectCommand({ Bucket: "app-config", Key: "prod/app.env", Body: "A=1\n" }));
    await s3Client(t, "111111111111").send(new CreateBucketCommand({ Bucket: "someone-elses" }));
    await s3Client(t, "111111111111").send(new PutObjectCommand({ Bucket: "someone-elses", Key: "x.env", Body: "A=1\n" }));

    const ok = await runWith("with-files", ["arn:aws:s3:::app-config/prod/app.env"]);
    expect(ok.lastStatus).toBe("RUNNING");
    const missing = await runWith("missing-file", ["arn:aws:s3:::app-config/prod/app.env", "arn:aws:s3:::app-config/gone.env"]);
    expect([missing.lastStatus, missing.stopCode, missing.stoppedReason]).toEqual([
      "STOPPED",
      "TaskFailedToStart",
      "ResourceInitializationError: failed to download env files: service call has been retried 1 time(s): operation error S3: HeadObject, https response error StatusCode: 404, api error NotFound: Not Found",
    ]);
    const denied = await runWith("denied-file", ["arn:aws:s3:::someone-elses/x.env"]);
    expect(denied.stoppedReason).toBe("ResourceInitializationError: failed to download env files: service call has been retried 1 time(s): operation error S3: HeadObject, https response error StatusCode: 403, api error Forbidden: Forbidden");
  });
});

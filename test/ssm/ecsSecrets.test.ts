// ECS reads task secrets through Parameter Store's port: a task whose secrets name parameters that
// exist starts; one naming a parameter that does not stops with the agent's text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fargateTaskDefinition, SUBNETS } from "../helpers/fixtures.js";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
let ssm: JsonCalls;
const ROLE = "arn:aws:iam::000000000000:role/ecsTaskExecutionRole";

beforeAll(async () => {
  t = await startLocal();
  ssm = jsonCalls(t, "ssm");
});
afterAll(() => t.close());

async function runWith(family: string, secrets: { name: string; valueFrom: string }[]) {
  await t.ecs("RegisterTaskDefinition", fargateTaskDefinition(family, { executionRoleArn: ROLE, containerDefinitions: [{ name: "app", image: "nginx", secrets }] }));
  const task = (await t.ecs("RunTask", { cluster: "default", taskDefinition: family, launchType: "FARGATE", networkConfiguration: SUBNETS })).tasks![0];
  for (let i = 0; i < 10; i++) t.advance(10_000);
  return (await t.ecs("DescribeTasks", { cluster: "default", tasks: [task.taskArn!] })).tasks![0];
}

describe("ECS task secrets from Parameter Store", () => {
  it("start a task whose parameters exist, by name, ARN or label; stop one whose parameter does not", async () => {
    await t.ecs("CreateCluster", { clusterName: "default" });
    await ssm.call("PutParameter", { Name: "/app/db/password", Value: "hunter2", Type: "SecureString" });
    await ssm.call("PutParameter", { Name: "/app/db/password", Value: "hunter3", Overwrite: true });
    await ssm.call("LabelParameterVersion", { Name: "/app/db/password", ParameterVersion: 1, Labels: ["previous"] });
    const ok = await runWith("with-secrets", [
      { name: "DB_PASSWORD", valueFrom: "/app/db/password" },
      { name: "DB_PASSWORD_ARN", valueFrom: "arn:aws:ssm:us-east-1:000000000000:parameter/app/db/password" },
      { name: "OLD_PASSWORD", valueFrom: "/app/db/password:previous" },
      { name: "AMI", valueFrom: "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id" },
    ]);
    expect(ok.lastStatus).toBe("RUNNING");
    const missing = await runWith("missing-secret", [{ name: "TOKEN", valueFrom: "/app/missing" }]);
    expect([missing.lastStatus, missing.stopCode, missing.stoppedReason]).toEqual([
      "STOPPED",
      "TaskFailedToStart",
      "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid ssm parameters: /app/missing",
    ]);
  });
});

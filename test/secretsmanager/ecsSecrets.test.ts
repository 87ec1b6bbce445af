// ECS reads a task's `secrets` from Secrets Manager through its port, as the agent does at start:
// a task whose secret exists runs; one whose secret is missing, or scheduled for deletion, stops
// with the agent's ResourceInitializationError naming the secret.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fargateTaskDefinition, SUBNETS } from "../helpers/fixtures.js";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
let sm: JsonCalls;

beforeAll(async () => {
  t = await startLocal({ seed: "ecs-secrets" });
  sm = jsonCalls(t, "secretsmanager");
});
afterAll(() => t.close());
beforeEach(() => t.local.reset());

const ROLE = "arn:aws:iam::000000000000:role/ecsTaskExecutionRole";

async function runWithSecret(family: string, valueFrom: string) {
  await t.ecs("CreateCluster", {});
  await t.ecs("RegisterTaskDefinition", fargateTaskDefinition(family, { executionRoleArn: ROLE, containerDefinitions: [{ name: "app", image: "nginx", secrets: [{ name: "DB_PASSWORD", valueFrom }] }] }));
  const task = (await t.ecs("RunTask", { taskDefinition: family, launchType: "FARGATE", networkConfiguration: SUBNETS })).tasks![0];
  t.advance(60_000);
  return (await t.ecs("DescribeTasks", { tasks: [task.taskArn!] })).tasks![0];
}

describe("task secrets from Secrets Manager", () => {
  it("a task whose secret (a JSON key of it, by full ARN) exists starts", async () => {
    const created = await sm.call("CreateSecret", { Name: "db", SecretString: '{"password":"p"}', ClientRequestToken: "00000000-0000-4000-8000-000000000001" });
    const task = await runWithSecret("ok", `${created.ARN}:password::`);
    expect([task.lastStatus, task.stoppedReason]).toEqual(["RUNNING", undefined]);
  });

  it("a task whose secret is scheduled for deletion stops with the agent's text", async () => {
    const created = await sm.call("CreateSecret", { Name: "db", SecretString: "p", ClientRequestToken: "00000000-0000-4000-8000-000000000002" });
    await sm.call("DeleteSecret", { SecretId: "db" });
    const partial = created.ARN.slice(0, -7);
    const task = await runWithSecret("gone", partial);
    expect(task.lastStatus).toBe("STOPPED");
    expect(task.stoppedReason).toBe(
      `ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret ${partial} from secrets manager: ResourceNotFoundException: Secrets Manager can't find the specified secret.`,
    );
  });
});

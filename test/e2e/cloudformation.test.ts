// `aws cloudformation deploy`, unmodified, against the started server: a VPC, a log group, a cluster,
// a task definition and a Fargate service whose tasks run; an update that rolls the service; a
// failing template that rolls back; delete-stack and its waiter. Few calls, run by one CLI process (tools.ts).
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { CALL_TIMEOUT_MS, orderedSteps } from "./budget.js";
import { startServer, type RunningServer } from "./server.js";
import { awsCli, clientEnv, cliPresent } from "./tools.js";
import { SUBNET_A, SUBNET_B } from "../helpers/fixtures.js";

let server: RunningServer;
if (!cliPresent) console.warn("skipping the aws CLI CloudFormation test: no `aws` on PATH");

const templatePath = (name: string) => fileURLToPath(new URL(`../cloudformation/templates/${name}`, import.meta.url));

async function aws(...args: string[]): Promise<{ out: any; code: number; text: string }> {
  try {
    const { stdout } = await awsCli([...args, "--endpoint-url", server.url, "--output", "json"], { timeout: CALL_TIMEOUT_MS, env: clientEnv() });
    const text = stdout.trim();
    return { out: text.startsWith("{") ? JSON.parse(text) : {}, code: 0, text };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { out: {}, code: err.code ?? -1, text: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}

describe.skipIf(!cliPresent)("aws cloudformation deploy", () => {
  beforeAll(async () => {
    server = await startServer({ ECS_LOCAL_VALIDATE_OUTPUT: "1" });
  });
  afterAll(async () => server?.stop());

  const step = orderedSteps();
  const state = { cluster: "", service: "" };

  step("deploys the ECS stack; its service is steady with its tasks running", 3, async () => {
    const d = await aws("cloudformation", "deploy", "--stack-name", "app", "--template-file", templatePath("ecs-basic.yaml"));
    expect(d.text).toContain("Successfully created/updated stack - app");
    expect(d.code).toBe(0);
    const stacks = (await aws("cloudformation", "describe-stacks", "--stack-name", "app")).out.Stacks;
    const outputs = Object.fromEntries(stacks[0].Outputs.map((o: any) => [o.OutputKey, o.OutputValue]));
    state.cluster = outputs.ClusterName;
    state.service = outputs.ServiceName;
    const svc = (await aws("ecs", "describe-services", "--cluster", state.cluster, "--services", state.service)).out.services[0];
    expect([svc.status, svc.runningCount, svc.desiredCount, svc.events[0].message]).toEqual(["ACTIVE", 2, 2, `(service ${state.service}) has reached a steady state.`]);
  });

  step("deploying the same template again changes nothing", 1, async () => {
    const d = await aws("cloudformation", "deploy", "--stack-name", "app", "--template-file", templatePath("ecs-basic.yaml"), "--no-fail-on-empty-changeset");
    expect(d.code).toBe(0);
    expect(d.text).toContain("No changes to deploy. Stack app is up to date");
  });

  step("an update of the image registers a new revision and rolls the service", 2, async () => {
    const d = await aws("cloudformation", "deploy", "--stack-name", "app", "--template-file", templatePath("ecs-basic.yaml"), "--parameter-overrides", "Image=nginx:1.27");
    expect(d.code).toBe(0);
    const svc = (await aws("ecs", "describe-services", "--cluster", state.cluster, "--services", state.service)).out.services[0];
    expect([svc.taskDefinition, svc.runningCount, svc.deployments.length]).toEqual(["arn:aws:ecs:us-east-1:000000000000:task-definition/app-web:2", 2, 1]);
  });

  step("a failing template rolls back and leaves nothing", 2, async () => {
    const d = await aws("cloudformation", "deploy", "--stack-name", "broken", "--template-file", templatePath("failing.yaml"));
    expect(d.code).not.toBe(0);
    const s = (await aws("cloudformation", "describe-stacks", "--stack-name", "broken")).out.Stacks[0];
    expect(s.StackStatus).toBe("ROLLBACK_COMPLETE");
  });

  step("deploys the console's EC2 cluster: its Auto Scaling instances join the cluster", 2, async () => {
    const subnets = `Subnets=${SUBNET_A},${SUBNET_B}`;
    const d = await aws("cloudformation", "deploy", "--stack-name", "ec2", "--template-file", templatePath("ec2-cluster.yaml"), "--capabilities", "CAPABILITY_IAM", "--parameter-overrides", subnets);
    expect(d.code).toBe(0);
    const members = (await aws("ecs", "list-container-instances", "--cluster", "ec2-cluster")).out.containerInstanceArns;
    expect(members).toHaveLength(2);
  });

  step("delete-stack and its waiter remove everything", 3, async () => {
    expect((await aws("cloudformation", "delete-stack", "--stack-name", "app")).code).toBe(0);
    expect((await aws("cloudformation", "wait", "stack-delete-complete", "--stack-name", "app")).code).toBe(0);
    const c = (await aws("ecs", "describe-clusters", "--clusters", state.cluster)).out.clusters[0];
    expect(c.status).toBe("INACTIVE");
  });
});

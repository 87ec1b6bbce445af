// The lab workflow ECS users learn first, driven by the real `aws` CLI against the started server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budget, CALL_TIMEOUT_MS, orderedSteps } from "./budget.js";
import { startServer, type RunningServer } from "./server.js";
import { clientEnv, cliPresent, awsCli } from "./tools.js";

let server: RunningServer;
if (!cliPresent) console.warn("skipping the aws CLI end-to-end test: no `aws` on PATH");

async function aws(...args: string[]): Promise<any> {
  const { stdout } = await awsCli(["ecs", ...args, "--endpoint-url", server.url, "--output", "json"], { timeout: CALL_TIMEOUT_MS, env: clientEnv() });
  return stdout.trim() ? JSON.parse(stdout) : {};
}

const identity = (n: number, zone: string) =>
  JSON.stringify({
    cluster: "lab",
    instanceIdentityDocument: JSON.stringify({ instanceId: `i-0000000000000000${n}`, instanceType: "t3.medium", availabilityZone: zone, region: "us-east-1", imageId: "ami-0123456789abcdef0" }),
    instanceIdentityDocumentSignature: "unsigned",
  });

describe.skipIf(!cliPresent)("aws CLI: the lab workflow", () => {
  beforeAll(async () => {
    server = await startServer({ ECS_LOCAL_VALIDATE_OUTPUT: "1" });
  });
  afterAll(async () => server?.stop());

  // Ordered steps sharing state, each with its own budget; a step whose predecessor failed stops at once.
  const lab = { a: "", b: "", standalone: [] as string[] };
  const step = orderedSteps();

  step("registers a task definition, a cluster and two container instances", 5, async () => {
    const td = await aws("register-task-definition", "--family", "sleep360", "--container-definitions", JSON.stringify([{ name: "sleep", image: "busybox", cpu: 10, memory: 10, command: ["sleep", "360"], essential: true }]));
    expect(td.taskDefinition.taskDefinitionArn).toBe("arn:aws:ecs:us-east-1:000000000000:task-definition/sleep360:1");
    expect(td.taskDefinition.compatibilities).toContain("EC2");

    const cluster = await aws("create-cluster", "--cluster-name", "lab");
    expect(cluster.cluster.status).toBe("ACTIVE");
    lab.a = (await aws("register-container-instance", "--cli-input-json", identity(1, "us-east-1a"))).containerInstance.containerInstanceArn;
    lab.b = (await aws("register-container-instance", "--cli-input-json", identity(2, "us-east-1b"))).containerInstance.containerInstanceArn;
    expect((await aws("list-container-instances", "--cluster", "lab")).containerInstanceArns.sort()).toEqual([lab.a, lab.b].sort());
  });

  step("runs standalone tasks across both instances", 4, async () => {
    const one = await aws("run-task", "--cluster", "lab", "--task-definition", "sleep360", "--count", "1");
    expect(one.tasks).toHaveLength(1);
    const two = await aws("run-task", "--cluster", "lab", "--task-definition", "sleep360", "--count", "2");
    expect(new Set(two.tasks.map((t: any) => t.containerInstanceArn))).toEqual(new Set([lab.a, lab.b]));
    lab.standalone = [...one.tasks, ...two.tasks].map((t: any) => t.taskArn);
    await aws("wait", "tasks-running", "--cluster", "lab", "--tasks", ...lab.standalone);
    const described = await aws("describe-tasks", "--cluster", "lab", "--tasks", ...lab.standalone);
    expect(described.tasks.map((t: any) => t.lastStatus)).toEqual(["RUNNING", "RUNNING", "RUNNING"]);
  });

  step("keeps a DAEMON service at one task per instance, replacing a stopped one", 8, async () => {
    await aws("create-service", "--cluster", "lab", "--service-name", "daemon", "--task-definition", "sleep360", "--scheduling-strategy", "DAEMON");
    await aws("wait", "services-stable", "--cluster", "lab", "--services", "daemon");
    let daemonTasks = (await aws("list-tasks", "--cluster", "lab", "--service-name", "daemon")).taskArns;
    expect(daemonTasks).toHaveLength(2);
    const placed = (await aws("describe-tasks", "--cluster", "lab", "--tasks", ...daemonTasks)).tasks.map((t: any) => t.containerInstanceArn);
    expect(new Set(placed)).toEqual(new Set([lab.a, lab.b]));
    await aws("stop-task", "--cluster", "lab", "--task", daemonTasks[0]);
    await aws("wait", "tasks-stopped", "--cluster", "lab", "--tasks", daemonTasks[0]);
    await aws("wait", "services-stable", "--cluster", "lab", "--services", "daemon");
    daemonTasks = (await aws("list-tasks", "--cluster", "lab", "--service-name", "daemon")).taskArns;
    expect(daemonTasks).toHaveLength(2);
  });

  step("spreads a REPLICA service of 3 over both instances", 5, async () => {
    await aws("create-service", "--cluster", "lab", "--service-name", "web", "--task-definition", "sleep360", "--desired-count", "3");
    await aws("wait", "services-stable", "--cluster", "lab", "--services", "web", "daemon");
    const web = (await aws("describe-services", "--cluster", "lab", "--services", "web")).services[0];
    expect(web).toMatchObject({ status: "ACTIVE", desiredCount: 3, runningCount: 3, pendingCount: 0 });
    expect(web.events[0].message).toBe("(service web) has reached a steady state.");
    const webTasks = (await aws("list-tasks", "--cluster", "lab", "--service-name", "web")).taskArns;
    const hosts = (await aws("describe-tasks", "--cluster", "lab", "--tasks", ...webTasks)).tasks.map((t: any) => t.containerInstanceArn);
    expect(new Set(hosts)).toEqual(new Set([lab.a, lab.b]));
  });

  step("deletes the services and stops the standalone tasks", 7, async () => {
    await aws("delete-service", "--cluster", "lab", "--service", "web", "--force");
    await aws("delete-service", "--cluster", "lab", "--service", "daemon", "--force");
    await aws("wait", "services-inactive", "--cluster", "lab", "--services", "web", "daemon");
    for (const arn of lab.standalone) await aws("stop-task", "--cluster", "lab", "--task", arn);
    await aws("wait", "tasks-stopped", "--cluster", "lab", "--tasks", ...lab.standalone);
  });

  step("deregisters the instances and deletes the cluster", 6, async () => {
    await aws("deregister-container-instance", "--cluster", "lab", "--container-instance", lab.a, "--force");
    await aws("deregister-container-instance", "--cluster", "lab", "--container-instance", lab.b, "--force");
    const deleted = await aws("delete-cluster", "--cluster", "lab");
    expect(deleted.cluster.status).toBe("INACTIVE");
    await aws("deregister-task-definition", "--task-definition", "sleep360:1");
    // A deleted cluster stays listed, INACTIVE, for a while, as in ECS.
    expect((await aws("list-clusters")).clusterArns).toEqual(["arn:aws:ecs:us-east-1:000000000000:cluster/lab"]);
    expect((await aws("describe-clusters", "--clusters", "lab")).clusters[0].status).toBe("INACTIVE");
  });

  it("reports AWS's error on bad input through the CLI", async () => {
    const err = await aws("describe-services", "--cluster", "missing", "--services", "x").catch((e) => e);
    expect(String(err.stderr)).toContain("An error occurred (ClusterNotFoundException) when calling the DescribeServices operation: Cluster not found.");
  }, budget(1));
});

// The lab's "EC2 Linux + Networking" cluster with the real `aws` CLI and boto3 on one endpoint: EC2
// instances whose user data names ECS_CLUSTER join the cluster; services place tasks on them;
// terminating an instance moves the service's tasks to the other.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budget, CALL_TIMEOUT_MS } from "./budget.js";
import { startServer, type RunningServer } from "./server.js";

const run = promisify(execFile);
let server: RunningServer;

async function works(cmd: string, args: string[]): Promise<boolean> {
  try {
    await run(cmd, args);
    return true;
  } catch {
    return false;
  }
}
const cliPresent = await works("aws", ["--version"]);
const botoPresent = await works("python3", ["-c", "import boto3"]);
if (!cliPresent) console.warn("skipping the aws CLI EC2 test: no `aws` on PATH");
if (!botoPresent) console.warn("skipping the boto3 EC2 test: python3 cannot import boto3");

const env = {
  ...process.env,
  AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
  AWS_SECRET_ACCESS_KEY: "secret",
  AWS_DEFAULT_REGION: "us-east-1",
  AWS_CONFIG_FILE: "/nonexistent",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
};

async function aws(service: string, ...args: string[]): Promise<any> {
  const { stdout } = await run("aws", [service, ...args, "--endpoint-url", server.url, "--output", "json"], { timeout: CALL_TIMEOUT_MS, env });
  return stdout.trim() ? JSON.parse(stdout) : {};
}

const USER_DATA = "#!/bin/bash\necho ECS_CLUSTER=lab >> /etc/ecs/ecs.config\n";

describe.skipIf(!cliPresent && !botoPresent)("EC2 instances joining ECS, end to end", () => {
  beforeAll(async () => {
    server = await startServer({ ECS_LOCAL_VALIDATE_OUTPUT: "1" });
  });
  afterAll(async () => server?.stop());

  const lab = { ids: [] as string[], failed: "" };
  const step = (name: string, calls: number, body: () => Promise<void>) =>
    it.skipIf(!cliPresent)(
      name,
      async () => {
        if (lab.failed) throw new Error(`skipped: the earlier step "${lab.failed}" failed`);
        try {
          await body();
        } catch (e) {
          lab.failed = name;
          throw e;
        }
      },
      budget(calls),
    );

  step("aws ec2 run-instances --count 2 --user-data ECS_CLUSTER: two container instances with the type's resources", 5, async () => {
    await aws("ecs", "create-cluster", "--cluster-name", "lab");
    const r = await aws("ec2", "run-instances", "--image-id", "ami-0fe5f366c083f59ca", "--instance-type", "t3.medium", "--count", "2", "--user-data", USER_DATA);
    lab.ids = r.Instances.map((i: any) => i.InstanceId);
    expect(lab.ids).toHaveLength(2);
    await aws("ec2", "wait", "instance-running", "--instance-ids", ...lab.ids);
    const arns = (await aws("ecs", "list-container-instances", "--cluster", "lab")).containerInstanceArns;
    expect(arns).toHaveLength(2);
    const d = await aws("ecs", "describe-container-instances", "--cluster", "lab", "--container-instances", ...arns);
    expect(d.containerInstances.map((c: any) => c.ec2InstanceId).sort()).toEqual([...lab.ids].sort());
    for (const c of d.containerInstances) {
      expect(c.registeredResources.find((x: any) => x.name === "CPU").integerValue).toBe(2048);
      expect(c.registeredResources.find((x: any) => x.name === "MEMORY").integerValue).toBe(Math.floor(4096 * 0.95));
    }
  });

  step("a DAEMON service runs one task on each instance; a REPLICA service runs two", 4, async () => {
    await aws("ecs", "register-task-definition", "--family", "web", "--container-definitions", JSON.stringify([{ name: "web", image: "nginx", cpu: 256, memory: 256 }]));
    await aws("ecs", "create-service", "--cluster", "lab", "--service-name", "agent", "--task-definition", "web", "--scheduling-strategy", "DAEMON");
    await aws("ecs", "create-service", "--cluster", "lab", "--service-name", "site", "--task-definition", "web", "--desired-count", "2");
    const s = await aws("ecs", "describe-services", "--cluster", "lab", "--services", "agent", "site");
    expect(s.services.map((x: any) => [x.serviceName, x.runningCount])).toEqual([["agent", 2], ["site", 2]]);
  });

  step("aws ec2 terminate-instances on one: its tasks stop, the REPLICA service's land on the other", 4, async () => {
    await aws("ec2", "terminate-instances", "--instance-ids", lab.ids[0]);
    await aws("ec2", "wait", "instance-terminated", "--instance-ids", lab.ids[0]);
    const s = await aws("ecs", "describe-services", "--cluster", "lab", "--services", "agent", "site");
    expect(s.services.map((x: any) => [x.serviceName, x.runningCount])).toEqual([["agent", 1], ["site", 2]]);
    const arns = (await aws("ecs", "list-container-instances", "--cluster", "lab")).containerInstanceArns;
    expect(arns).toHaveLength(1);
  });

  it.skipIf(!botoPresent)(
    "boto3: run_instances with user data, the instance_running waiter, and the container instance in ECS",
    async () => {
      const script = `
import boto3, base64, json, sys
kw = dict(endpoint_url=sys.argv[1], region_name="us-east-1")
ec2, ecs = boto3.client("ec2", **kw), boto3.client("ecs", **kw)
ecs.create_cluster(clusterName="py")
r = ec2.run_instances(ImageId="ami-0fe5f366c083f59ca", InstanceType="c5.large", MinCount=1, MaxCount=1, UserData="ECS_CLUSTER=py")
iid = r["Instances"][0]["InstanceId"]
ec2.get_waiter("instance_running").wait(InstanceIds=[iid], WaiterConfig={"Delay": 1, "MaxAttempts": 5})
arns = ecs.list_container_instances(cluster="py")["containerInstanceArns"]
ci = ecs.describe_container_instances(cluster="py", containerInstances=arns)["containerInstances"][0]
print(json.dumps({"ec2InstanceId": ci["ec2InstanceId"], "iid": iid, "cpu": [x["integerValue"] for x in ci["registeredResources"] if x["name"] == "CPU"][0]}))
`;
      const { stdout } = await run("python3", ["-c", script, server.url], { env, timeout: CALL_TIMEOUT_MS });
      const out = JSON.parse(stdout.trim());
      expect(out.ec2InstanceId).toBe(out.iid);
      expect(out.cpu).toBe(2048);
    },
    budget(2),
  );
});

// A REPLICA service behind an ALB target group, end to end on one endpoint: boto3 builds the lab
// (cluster, instances, load balancer, service), the real `aws` CLI reads target health, and
// scaling in drains a target (draining, then gone). ELBv2 runs at 2% of AWS's pace here: health
// checks of 5 s × 2 settle in a fifth of a second, a 300 s deregistration delay drains for 6 s.
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
if (!cliPresent || !botoPresent) console.warn("skipping the ELBv2 end-to-end test: it needs both the `aws` CLI and boto3");

const env = {
  ...process.env,
  AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
  AWS_SECRET_ACCESS_KEY: "secret",
  AWS_DEFAULT_REGION: "us-east-1",
  AWS_CONFIG_FILE: "/nonexistent",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
};

async function aws(...args: string[]): Promise<any> {
  const { stdout } = await run("aws", [...args, "--endpoint-url", server.url, "--output", "json"], { timeout: CALL_TIMEOUT_MS, env });
  return stdout.trim() ? JSON.parse(stdout) : {};
}

async function python(script: string, ...args: string[]): Promise<any> {
  const { stdout } = await run("python3", ["-c", script, server.url, ...args], { timeout: CALL_TIMEOUT_MS, env });
  return JSON.parse(stdout);
}

const BUILD_LAB = `
import boto3, json, sys, time
url = sys.argv[1]
ecs = boto3.client("ecs", endpoint_url=url, region_name="us-east-1")
elb = boto3.client("elbv2", endpoint_url=url, region_name="us-east-1")
ecs.create_cluster(clusterName="web")
instances = []
for n, zone in ((1, "us-east-1a"), (2, "us-east-1b")):
    doc = {"instanceId": "i-000000000000000%d" % n, "instanceType": "t3.medium", "availabilityZone": zone, "region": "us-east-1"}
    ecs.register_container_instance(cluster="web", instanceIdentityDocument=json.dumps(doc))
    instances.append(doc["instanceId"])
ecs.register_task_definition(family="site", containerDefinitions=[{"name": "site", "image": "nginx", "memory": 128, "portMappings": [{"containerPort": 80}]}])
tg = elb.create_target_group(Name="site", Protocol="HTTP", Port=80, VpcId="vpc-0123abcd", HealthCheckIntervalSeconds=5, HealthCheckTimeoutSeconds=2, HealthyThresholdCount=2)["TargetGroups"][0]["TargetGroupArn"]
lb = elb.create_load_balancer(Name="site", Subnets=["subnet-0a1b2c3d", "subnet-1a2b3c4d"])["LoadBalancers"][0]
elb.get_waiter("load_balancer_available").wait(LoadBalancerArns=[lb["LoadBalancerArn"]], WaiterConfig={"Delay": 1, "MaxAttempts": 20})
elb.create_listener(LoadBalancerArn=lb["LoadBalancerArn"], Protocol="HTTP", Port=80, DefaultActions=[{"Type": "forward", "TargetGroupArn": tg}])
ecs.create_service(cluster="web", serviceName="site", taskDefinition="site", desiredCount=2, loadBalancers=[{"targetGroupArn": tg, "containerName": "site", "containerPort": 80}])
for _ in range(100):
    states = [d["TargetHealth"]["State"] for d in elb.describe_target_health(TargetGroupArn=tg)["TargetHealthDescriptions"]]
    if states == ["healthy", "healthy"]:
        break
    time.sleep(0.2)
print(json.dumps({"tg": tg, "instances": instances, "dns": lb["DNSName"]}))
`;

const SCALE_IN = `
import boto3, json, sys, time
ecs = boto3.client("ecs", endpoint_url=sys.argv[1], region_name="us-east-1")
elb = boto3.client("elbv2", endpoint_url=sys.argv[1], region_name="us-east-1")
ecs.update_service(cluster="web", service="site", desiredCount=1)
seen = []
for _ in range(150):
    states = sorted(d["TargetHealth"]["State"] for d in elb.describe_target_health(TargetGroupArn=sys.argv[2])["TargetHealthDescriptions"])
    if not seen or seen[-1] != states:
        seen.append(states)
    if states == ["healthy"]:
        break
    time.sleep(0.2)
print(json.dumps(seen))
`;

describe.skipIf(!cliPresent || !botoPresent)("ELBv2 end to end: a service behind an ALB", () => {
  beforeAll(async () => {
    server = await startServer({ ECS_LOCAL_VALIDATE_OUTPUT: "1", ECS_LOCAL_ELB_TIME_PERCENT: "2" });
  });
  afterAll(async () => server?.stop());

  const lab = { tg: "", instances: [] as string[], failed: "" };
  const step = (name: string, calls: number, body: () => Promise<void>) =>
    it(
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

  step("boto3 builds the cluster, the load balancer and a REPLICA service of two tasks", 2, async () => {
    const out = await python(BUILD_LAB);
    lab.tg = out.tg;
    lab.instances = out.instances;
    expect(out.dns).toMatch(/^site-\d+\.us-east-1\.elb\.amazonaws\.com$/);
  });

  step("aws elbv2 describe-target-health shows both tasks, healthy, by instance and host port", 1, async () => {
    const out = await aws("elbv2", "describe-target-health", "--target-group-arn", lab.tg);
    const d = out.TargetHealthDescriptions as any[];
    expect(d.map((x) => x.TargetHealth.State)).toEqual(["healthy", "healthy"]);
    expect(d.map((x) => x.Target.Id).sort()).toEqual(lab.instances);
    for (const x of d) expect(x.Target.Port).toBeGreaterThanOrEqual(32768);
  });

  step("scaling in drains one target: draining, then gone", 2, async () => {
    const seen = await python(SCALE_IN, lab.tg);
    expect(seen).toEqual([["draining", "healthy"], ["healthy"]]);
    const svc = await aws("ecs", "describe-services", "--cluster", "web", "--services", "site");
    const messages = (svc.services[0].events as any[]).map((e) => e.message);
    expect(messages).toContain(`(service site) deregistered 1 targets in (target-group ${lab.tg})`);
  });
});

// The lab end to end on one endpoint: an "EC2 Linux + Networking" cluster behind a load balancer.
// The real `aws` CLI launches two instances whose user data names ECS_CLUSTER, lists them in ECS,
// reads target health and terminates an instance; boto3 does the set-up in between (load balancer,
// target group, listener, a REPLICA service with dynamic host ports, a DAEMON service) and watches
// what the clock moves. ELBv2 runs at 2% of AWS's pace: health checks of 5 s × 2 settle in a fifth
// of a second, the 100 s deregistration delay set here drains for 2 s (then 500 s: 10 s).
import { afterAll, beforeAll, describe, expect } from "vitest";
import { CALL_TIMEOUT_MS, orderedSteps } from "./budget.js";
import { startServer, type RunningServer } from "./server.js";
import { botoPresent, clientEnv, cliPresent, awsCli, run } from "./tools.js";

let server: RunningServer;

if (!cliPresent || !botoPresent) console.warn("skipping the lab end-to-end test: it needs both the `aws` CLI and boto3");

const env = clientEnv();

async function aws(...args: string[]): Promise<any> {
  const { stdout } = await awsCli([...args, "--endpoint-url", server.url, "--output", "json"], { timeout: CALL_TIMEOUT_MS, env });
  return stdout.trim() ? JSON.parse(stdout) : {};
}

async function python(script: string, ...args: string[]): Promise<any> {
  const { stdout } = await run("python3", ["-c", PRELUDE + script, server.url, ...args], { timeout: CALL_TIMEOUT_MS, env });
  return JSON.parse(stdout);
}

const PRELUDE = `
import boto3, json, sys, time
kw = dict(endpoint_url=sys.argv[1], region_name="us-east-1")
ec2, ecs, elb = boto3.client("ec2", **kw), boto3.client("ecs", **kw), boto3.client("elbv2", **kw)

def health(tg):
    return sorted((d["Target"]["Id"], d["Target"]["Port"], d["TargetHealth"]["State"]) for d in elb.describe_target_health(TargetGroupArn=tg)["TargetHealthDescriptions"])

def watch(tg, done, rounds=150):
    """Every distinct target-health picture until done(picture), in order."""
    seen = []
    for _ in range(rounds):
        now = health(tg)
        if not seen or seen[-1] != now:
            seen.append(now)
        if done(now):
            break
        time.sleep(0.2)
    return seen
`;

// The console's template: the default VPC's subnets and security group, an ALB in two of them.
const BUILD = `
ids = sys.argv[2].split(",")
ec2.get_waiter("instance_running").wait(InstanceIds=ids, WaiterConfig={"Delay": 1, "MaxAttempts": 10})
subnets = ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"]
vpc = subnets[0]["VpcId"]
sg = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}, {"Name": "group-name", "Values": ["default"]}])["SecurityGroups"][0]["GroupId"]
lb = elb.create_load_balancer(Name="lab", Subnets=[s["SubnetId"] for s in subnets[:2]], SecurityGroups=[sg])["LoadBalancers"][0]
tg = elb.create_target_group(Name="web", Protocol="HTTP", Port=80, VpcId=vpc, TargetType="instance", HealthCheckIntervalSeconds=5, HealthCheckTimeoutSeconds=2, HealthyThresholdCount=2)["TargetGroups"][0]["TargetGroupArn"]
elb.modify_target_group_attributes(TargetGroupArn=tg, Attributes=[{"Key": "deregistration_delay.timeout_seconds", "Value": "100"}])
elb.get_waiter("load_balancer_available").wait(LoadBalancerArns=[lb["LoadBalancerArn"]], WaiterConfig={"Delay": 1, "MaxAttempts": 20})
elb.create_listener(LoadBalancerArn=lb["LoadBalancerArn"], Protocol="HTTP", Port=80, DefaultActions=[{"Type": "forward", "TargetGroupArn": tg}])
ecs.register_task_definition(family="web", networkMode="bridge", containerDefinitions=[{"name": "web", "image": "nginx", "cpu": 256, "memory": 256, "portMappings": [{"containerPort": 80, "hostPort": 0}]}])
ecs.register_task_definition(family="logs", containerDefinitions=[{"name": "logs", "image": "fluent-bit", "cpu": 64, "memory": 64}])
ecs.create_service(cluster="lab", serviceName="web", taskDefinition="web", desiredCount=2, loadBalancers=[{"targetGroupArn": tg, "containerName": "web", "containerPort": 80}])
ecs.create_service(cluster="lab", serviceName="logs", taskDefinition="logs", schedulingStrategy="DAEMON")
watch(tg, lambda h: [s for _, _, s in h] == ["healthy", "healthy"])
tasks = ecs.describe_tasks(cluster="lab", tasks=ecs.list_tasks(cluster="lab", serviceName="web")["taskArns"])["tasks"]
described = ecs.describe_container_instances(cluster="lab", containerInstances=ecs.list_container_instances(cluster="lab")["containerInstanceArns"])["containerInstances"]
cis = {c["containerInstanceArn"]: c["ec2InstanceId"] for c in described}
resources = [sorted([r["name"], r["integerValue"]] for r in c["registeredResources"] if r["name"] in ("CPU", "MEMORY")) for c in described]
where = sorted([cis[t["containerInstanceArn"]], t["containers"][0]["networkBindings"][0]["hostPort"]] for t in tasks)
print(json.dumps({"tg": tg, "lbZones": [z["ZoneName"] for z in lb["AvailabilityZones"]], "where": where, "resources": resources, "logs": ecs.describe_services(cluster="lab", services=["logs"])["services"][0]["runningCount"]}))
`;

const SCALE_IN = `
ecs.update_service(cluster="lab", service="web", desiredCount=1)
seen = watch(sys.argv[2], lambda h: len(h) == 1)
# Long enough (10 s at 2%) for the next step to see the terminated instance's target draining.
elb.modify_target_group_attributes(TargetGroupArn=sys.argv[2], Attributes=[{"Key": "deregistration_delay.timeout_seconds", "Value": "500"}])
print(json.dumps(seen))
`;

// After the instance is terminated: the old target drains and goes, the replacement's is registered.
const MOVE = `
tg, gone = sys.argv[2], sys.argv[3]
seen = watch(tg, lambda h: len(h) == 1 and h[0][0] != gone and h[0][2] == "healthy")
svc = {s["serviceName"]: s for s in ecs.describe_services(cluster="lab", services=["web", "logs"])["services"]}
print(json.dumps({"seen": seen, "running": {n: s["runningCount"] for n, s in svc.items()}, "events": [e["message"] for e in svc["web"]["events"]]}))
`;

describe.skipIf(!cliPresent || !botoPresent)("the lab end to end: an EC2 Linux + Networking cluster behind a load balancer", () => {
  beforeAll(async () => {
    server = await startServer({ ECS_LOCAL_VALIDATE_OUTPUT: "1", ECS_LOCAL_ELB_TIME_PERCENT: "2" });
  });
  afterAll(async () => server?.stop());

  const lab = { ids: [] as string[], tg: "", where: [] as [string, number][] };
  const step = orderedSteps();

  step("aws ec2 run-instances --count 2 --user-data ECS_CLUSTER=lab: both join the cluster", 3, async () => {
    await aws("ecs", "create-cluster", "--cluster-name", "lab");
    const r = await aws("ec2", "run-instances", "--image-id", "ami-0fe5f366c083f59ca", "--instance-type", "t3.medium", "--count", "2", "--user-data", "#!/bin/bash\necho ECS_CLUSTER=lab >> /etc/ecs/ecs.config\n");
    lab.ids = r.Instances.map((i: any) => i.InstanceId);
    expect(lab.ids).toHaveLength(2);
    // pending → running at the next turn of the clock: the agent has registered by the next call.
    expect((await aws("ecs", "list-container-instances", "--cluster", "lab")).containerInstanceArns).toHaveLength(2);
  });

  step("boto3: an ALB in two default subnets, an instance target group, a REPLICA service of 2 (bridge, dynamic host ports) and a DAEMON", 1, async () => {
    const out = await python(BUILD, lab.ids.join(","));
    lab.tg = out.tg;
    lab.where = out.where;
    expect(out.lbZones.sort()).toEqual(["us-east-1a", "us-east-1b"]);
    expect(out.where.map((w: [string, number]) => w[0]).sort()).toEqual([...lab.ids].sort());
    // t3.medium: 2 vCPUs, 4 GiB (95% registered).
    expect(out.resources).toEqual([[["CPU", 2048], ["MEMORY", Math.floor(4096 * 0.95)]], [["CPU", 2048], ["MEMORY", Math.floor(4096 * 0.95)]]]);
    expect(out.logs).toBe(2);
  });

  step("aws elbv2 describe-target-health: both tasks' targets, by EC2 instance id and host port, healthy", 1, async () => {
    const d = (await aws("elbv2", "describe-target-health", "--target-group-arn", lab.tg)).TargetHealthDescriptions as any[];
    expect(d.map((x) => [x.Target.Id, x.Target.Port]).sort()).toEqual(lab.where);
    expect(d.map((x) => x.TargetHealth.State)).toEqual(["healthy", "healthy"]);
    for (const x of d) expect(x.Target.Port).toBeGreaterThanOrEqual(32768);
  });

  step("scaling to 1 drains a target: draining, then gone", 1, async () => {
    const seen: [string, number, string][][] = await python(SCALE_IN, lab.tg);
    expect(seen.map((h) => h.map((x) => x[2]).sort())).toEqual([["draining", "healthy"], ["healthy"]]);
    lab.where = [[seen[1][0][0], seen[1][0][1]]];
  });

  step("aws ec2 terminate-instances on the task's instance: the task moves to the other, its target is deregistered and a new one registered", 2, async () => {
    const [gone] = lab.where[0];
    const other = lab.ids.find((id) => id !== gone)!;
    const t = await aws("ec2", "terminate-instances", "--instance-ids", gone);
    expect(t.TerminatingInstances[0]).toMatchObject({ InstanceId: gone, CurrentState: { Name: "shutting-down" } });
    const out = await python(MOVE, lab.tg, gone);
    const last = out.seen[out.seen.length - 1];
    expect(last).toHaveLength(1);
    expect(last[0][0]).toBe(other);
    expect(last[0][2]).toBe("healthy");
    // The old target drained while the new one was checked, and is gone.
    const flat = out.seen.flat();
    expect(flat).toContainEqual([gone, lab.where[0][1], "draining"]);
    // The replacement's target was registered while the old one still drained.
    expect(out.seen.some((h: [string, number, string][]) => h.some((x) => x[0] === gone && x[2] === "draining") && h.some((x) => x[0] === other))).toBe(true);
    expect(out.running).toEqual({ web: 1, logs: 1 });
    expect(out.events.filter((m: string) => m === `(service web) deregistered 1 targets in (target-group ${lab.tg})`)).toHaveLength(2);
    expect(out.events.filter((m: string) => m === `(service web) registered 1 targets in (target-group ${lab.tg})`).length).toBeGreaterThanOrEqual(3);
  });
});

// The last ECS features end to end, with the real `aws` CLI and boto3 against a server whose tasks stay
// PENDING a minute (a manual clock): a Managed Instances provider and three tasks → one instance launched
// and joined, the tasks RUNNING on it, the idle instance terminated after scaleInAfter; a managed daemon
// on that provider runs one task per instance, an update reaches SUCCESSFUL, a failing revision rolls
// back; an Express service provisions its load balancer, target groups, rule, security groups, scalable
// target and log group (each seen through its own service), updates, and its deletion removes them.
import { afterAll, beforeAll, describe, expect } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { DEFAULT_SG, SUBNET_A } from "../helpers/fixtures.js";
import { CALL_TIMEOUT_MS, orderedSteps } from "./budget.js";
import { awsCli, botoPresent, clientEnv, cliPresent, run } from "./tools.js";

let t: TestLocal;
if (!cliPresent || !botoPresent) console.warn("skipping the Managed Instances, daemons and Express end-to-end test: it needs both the `aws` CLI and boto3");
const env = clientEnv();
const MINUTE = 60_000;

async function aws(...args: string[]): Promise<any> {
  const { stdout } = await awsCli([...args, "--endpoint-url", t.url, "--output", "json"], { timeout: CALL_TIMEOUT_MS, env });
  return stdout.trim() ? JSON.parse(stdout) : {};
}

async function python(script: string, ...args: string[]): Promise<any> {
  const { stdout } = await run("python3", ["-c", PRELUDE + script, t.url, ...args], { timeout: CALL_TIMEOUT_MS, env });
  return JSON.parse(stdout);
}

const PRELUDE = `
import boto3, json, sys
kw = dict(endpoint_url=sys.argv[1], region_name="us-east-1")
ecs, ec2, iam, elb = (boto3.client(s, **kw) for s in ("ecs", "ec2", "iam", "elbv2"))
CP = "arn:aws:ecs:us-east-1:000000000000:capacity-provider/mip"
DAEMON = "arn:aws:ecs:us-east-1:000000000000:daemon/mi/agent"

def instances():
    return [i["State"]["Name"] for r in ec2.describe_instances()["Reservations"] for i in r["Instances"]]

def daemon_tasks():
    arns = ecs.list_tasks(cluster="mi", daemonName="agent")["taskArns"]
    return ecs.describe_tasks(cluster="mi", tasks=arns)["tasks"] if arns else []

def trust(service):
    return json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]})
`;

const SETUP = `
iam.create_role(RoleName="infra", AssumeRolePolicyDocument=trust("ecs.amazonaws.com"))
iam.create_role(RoleName="exec", AssumeRolePolicyDocument=trust("ecs-tasks.amazonaws.com"))
iam.create_role(RoleName="node", AssumeRolePolicyDocument=trust("ec2.amazonaws.com"))
iam.create_instance_profile(InstanceProfileName="node")
iam.add_role_to_instance_profile(InstanceProfileName="node", RoleName="node")
ecs.create_cluster(clusterName="mi")
cp = ecs.create_capacity_provider(name="mip", cluster="mi", managedInstancesProvider={
    "infrastructureRoleArn": "arn:aws:iam::000000000000:role/infra",
    "instanceLaunchTemplate": {"ec2InstanceProfileArn": "arn:aws:iam::000000000000:instance-profile/node",
        "networkConfiguration": {"subnets": [sys.argv[2]], "securityGroups": [sys.argv[3]]}},
    "infrastructureOptimization": {"scaleInAfter": 300}})["capacityProvider"]
ecs.put_cluster_capacity_providers(cluster="mi", capacityProviders=["mip"], defaultCapacityProviderStrategy=[{"capacityProvider": "mip", "weight": 1}])
ecs.register_task_definition(family="web", requiresCompatibilities=["MANAGED_INSTANCES"], networkMode="awsvpc", cpu="256", memory="512",
    containerDefinitions=[{"name": "app", "image": "nginx"}])
td = ecs.register_daemon_task_definition(family="agent", containerDefinitions=[{"name": "agent", "image": "agent:1", "cpu": 128, "memory": 256}])
d = ecs.create_daemon(daemonName="agent", clusterArn="mi", daemonTaskDefinitionArn=td["daemonTaskDefinitionArn"], capacityProviderArns=[CP])
print(json.dumps({"type": cp["type"], "cluster": cp["cluster"], "daemon": d["daemonArn"], "instances": instances()}))
`;

const STOP_ALL = `
for arn in ecs.list_tasks(cluster="mi", launchType="MANAGED_INSTANCES")["taskArns"]:
    task = ecs.describe_tasks(cluster="mi", tasks=[arn])["tasks"][0]
    if not task["group"].startswith("daemon:"):
        ecs.stop_task(cluster="mi", task=arn)
print(json.dumps({"daemonTasks": len(daemon_tasks())}))
`;

const UPDATE = `
td = ecs.register_daemon_task_definition(family="agent", containerDefinitions=[{"name": "agent", "image": sys.argv[2], "cpu": 128, "memory": 256}])
print(json.dumps(ecs.update_daemon(daemonArn=DAEMON, daemonTaskDefinitionArn=td["daemonTaskDefinitionArn"], capacityProviderArns=[CP])["deploymentArn"]))
`;

// The agent cannot pull the new image: each of its daemon tasks stops before it runs, and ECS replaces the instance.
const FAIL = `
for n in range(10):
    task = [x for x in daemon_tasks() if x["lastStatus"] == "PENDING" and x["containers"][0]["image"] == "agent:broken"][0]
    ecs.submit_task_state_change(cluster="mi", task=task["taskArn"], status="STOPPED", reason="CannotPullContainerError: pull access denied for agent")
dep = ecs.describe_daemon_deployments(daemonDeploymentArns=[sys.argv[2]])["daemonDeployments"][0]
print(json.dumps({"status": dep["status"], "circuitBreaker": dep["circuitBreaker"]}))
`;

const EXPRESS_RESOURCES = `
lbs = elb.describe_load_balancers()["LoadBalancers"]
tgs = elb.describe_target_groups()["TargetGroups"]
rules = [r for lb in lbs for l in elb.describe_listeners(LoadBalancerArn=lb["LoadBalancerArn"])["Listeners"] for r in elb.describe_rules(ListenerArn=l["ListenerArn"])["Rules"] if not r["IsDefault"]]
groups = [g["GroupName"] for g in ec2.describe_security_groups()["SecurityGroups"] if g["GroupName"].startswith("ecs-express")]
targets = boto3.client("application-autoscaling", **kw).describe_scalable_targets(ServiceNamespace="ecs")["ScalableTargets"]
logs = [g["logGroupName"] for g in boto3.client("logs", **kw).describe_log_groups(logGroupNamePrefix="/aws/ecs/default/")["logGroups"]]
print(json.dumps({"lbs": len(lbs), "tgs": len(tgs), "rules": [r["Conditions"][0]["HostHeaderConfig"]["Values"] for r in rules], "groups": len(groups),
    "targets": [[s["ResourceId"], s["MinCapacity"], s["MaxCapacity"]] for s in targets], "logs": logs}))
`;

describe.skipIf(!cliPresent || !botoPresent)("Managed Instances, managed daemons and Express services, end to end", () => {
  beforeAll(async () => {
    t = await startLocal({ timings: { pendingMs: MINUTE } });
  });
  afterAll(() => t?.close());

  const step = orderedSteps();

  step("boto3 creates the roles, the cluster, its Managed Instances provider and a daemon on it: nothing is launched yet", 1, async () => {
    expect(await python(SETUP, SUBNET_A, DEFAULT_SG)).toEqual({ type: "MANAGED_INSTANCES", cluster: "mi", daemon: "arn:aws:ecs:us-east-1:000000000000:daemon/mi/agent", instances: [] });
  });

  step("aws ecs run-task: three tasks wait while one instance is launched; it joins, its daemon runs first, then the tasks", 3, async () => {
    const r = await aws("ecs", "run-task", "--cluster", "mi", "--task-definition", "web", "--count", "3", "--network-configuration", `awsvpcConfiguration={subnets=[${SUBNET_A}]}`);
    expect(r.tasks.map((x: any) => [x.lastStatus, x.launchType, x.capacityProviderName])).toEqual(Array(3).fill(["PROVISIONING", "MANAGED_INSTANCES", "mip"]));
    const [inst] = (await aws("ec2", "describe-instances")).Reservations[0].Instances;
    expect([inst.InstanceType, inst.SubnetId]).toEqual(["m5a.large", SUBNET_A]);
    t.advance(2 * MINUTE);
    const tasks = (await aws("ecs", "describe-tasks", "--cluster", "mi", "--tasks", ...r.tasks.map((x: any) => x.taskArn))).tasks;
    expect(tasks.map((x: any) => x.lastStatus)).toEqual(["RUNNING", "RUNNING", "RUNNING"]);
    expect(new Set(tasks.map((x: any) => x.containerInstanceArn)).size).toBe(1);
  });

  step("once the tasks stop, the idle instance is terminated after scaleInAfter (300 s), not before", 2, async () => {
    expect(await python(STOP_ALL)).toEqual({ daemonTasks: 1 });
    t.advance(5 * MINUTE - 1);
    expect((await aws("ec2", "describe-instances")).Reservations[0].Instances[0].State.Name).toBe("running");
    t.advance(1);
    expect((await aws("ec2", "describe-instances")).Reservations[0].Instances[0].State.Name).toBe("terminated");
  });

  step("a service brings an instance back with its daemon task; an update replaces the instance and its deployment succeeds (aws ecs wait)", 4, async () => {
    await aws("ecs", "create-service", "--cluster", "mi", "--service-name", "web", "--task-definition", "web", "--desired-count", "1", "--network-configuration", `awsvpcConfiguration={subnets=[${SUBNET_A}]}`);
    t.advance(2 * MINUTE);
    const deployment = await python(UPDATE, "agent:2");
    t.advance(3 * MINUTE);
    await aws("ecs", "wait", "daemon-deployment-successful", "--daemon-deployment-arns", deployment);
    const daemon = (await aws("ecs", "describe-daemon", "--daemon-arn", "arn:aws:ecs:us-east-1:000000000000:daemon/mi/agent")).daemon;
    expect(daemon.currentRevisions.map((r: any) => r.totalRunningCount)).toEqual([1]);
    expect((await python("print(json.dumps([instances(), [x['containers'][0]['image'] for x in daemon_tasks()]]))"))).toEqual([["terminated", "terminated", "running"], ["agent:2"]]);
  });

  step("a revision whose daemon tasks fail to start trips the circuit breaker and rolls back", 2, async () => {
    const deployment = await python(UPDATE, "agent:broken");
    t.advance(0);
    expect(await python(FAIL, deployment)).toEqual({ status: "ROLLBACK_IN_PROGRESS", circuitBreaker: { failureCount: 10, status: "TRIGGERED", threshold: 10 } });
    t.advance(3 * MINUTE);
    const dep = (await aws("ecs", "describe-daemon-deployments", "--daemon-deployment-arns", deployment)).daemonDeployments[0];
    expect([dep.status, dep.rollback.reason]).toEqual(["ROLLBACK_SUCCESSFUL", "The deployment circuit breaker was triggered: daemon tasks of the target revision failed to start."]);
  });

  step("aws ecs create-express-gateway-service provisions everything, each piece seen through its own service, and reaches ACTIVE", 2, async () => {
    const { service } = await aws("ecs", "create-express-gateway-service", "--service-name", "shop", "--execution-role-arn", "arn:aws:iam::000000000000:role/exec", "--infrastructure-role-arn", "arn:aws:iam::000000000000:role/infra", "--primary-container", "image=nginx:1.28");
    expect(service.status.statusCode).toBe("ACTIVE");
    const endpoint: string = service.activeConfigurations[0].ingressPaths[0].endpoint;
    expect(endpoint).toMatch(/^https:\/\/sh-[0-9a-f]{32}\.ecs\.us-east-1\.on\.aws$/);
    t.advance(2 * MINUTE);
    const seen = await python(EXPRESS_RESOURCES);
    expect(seen).toEqual({ lbs: 1, tgs: 2, rules: [[endpoint.slice("https://".length)]], groups: 2, targets: [["service/default/shop", 1, 20]], logs: [service.activeConfigurations[0].primaryContainer.awsLogsConfiguration.logGroup] });
  });

  step("aws ecs update-express-gateway-service rolls the new image out; delete-express-gateway-service removes what it made", 3, async () => {
    const arn = "arn:aws:ecs:us-east-1:000000000000:service/default/shop";
    const { service } = await aws("ecs", "update-express-gateway-service", "--service-arn", arn, "--primary-container", "image=nginx:1.29");
    expect(service.targetConfiguration.primaryContainer.image).toBe("nginx:1.29");
    t.advance(15 * MINUTE);
    const described = (await aws("ecs", "describe-express-gateway-service", "--service-arn", arn)).service;
    expect(described.activeConfigurations.map((c: any) => c.primaryContainer.image)).toEqual(["nginx:1.29"]);
    expect((await aws("ecs", "delete-express-gateway-service", "--service-arn", arn)).service.status.statusCode).toBe("DRAINING");
    t.advance(10 * MINUTE);
    const left = await python(EXPRESS_RESOURCES);
    expect([left.lbs, left.tgs, left.rules, left.groups, left.targets, left.logs.length]).toEqual([0, 0, [], 0, [], 1]);
  });
});

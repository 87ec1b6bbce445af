// ECS cluster auto scaling end to end, with the real `aws` CLI and boto3 against a server on a manual
// clock: an ECS-optimized AMI from SSM's public parameter, a launch template whose user data names the
// cluster, a group of 1 to 4 protected from scale-in, a capacity provider with managed scaling (target
// 100) and managed termination protection as the cluster's default strategy; 6 tasks that need 3
// instances wait PROVISIONING, the group grows to 3 and all run; once they stop, the group shrinks to
// its minimum after the scale-in alarm's 15 datapoints.
import { afterAll, beforeAll, describe, expect } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { SUBNET_A, SUBNET_B } from "../helpers/fixtures.js";
import { CALL_TIMEOUT_MS, orderedSteps } from "./budget.js";
import { botoPresent, clientEnv, cliPresent, run } from "./tools.js";

let t: TestLocal;
if (!cliPresent || !botoPresent) console.warn("skipping the managed scaling end-to-end test: it needs both the `aws` CLI and boto3");

const env = clientEnv();

async function aws(...args: string[]): Promise<any> {
  const { stdout } = await run("aws", [...args, "--endpoint-url", t.url, "--output", "json"], { timeout: CALL_TIMEOUT_MS, env });
  return stdout.trim() ? JSON.parse(stdout) : {};
}

async function python(script: string, ...args: string[]): Promise<any> {
  const { stdout } = await run("python3", ["-c", PRELUDE + script, t.url, ...args], { timeout: CALL_TIMEOUT_MS, env });
  return JSON.parse(stdout);
}

const PRELUDE = `
import boto3, json, sys
kw = dict(endpoint_url=sys.argv[1], region_name="us-east-1")
asg, ecs = boto3.client("autoscaling", **kw), boto3.client("ecs", **kw)

def group():
    return asg.describe_auto_scaling_groups(AutoScalingGroupNames=["workers"])["AutoScalingGroups"][0]

def tasks():
    arns = ecs.list_tasks(cluster="work", desiredStatus="RUNNING")["taskArns"]
    return ecs.describe_tasks(cluster="work", tasks=arns)["tasks"] if arns else []
`;

const SETUP = `
ecs.create_cluster(clusterName="work")
data = {"ImageId": sys.argv[2], "InstanceType": "t3.medium", "UserData": sys.argv[3]}
ec2 = boto3.client("ec2", **kw)
print(json.dumps(ec2.create_launch_template(LaunchTemplateName="workers", LaunchTemplateData=data)["LaunchTemplate"]["LatestVersionNumber"]))
`;

const RUN = `
ecs.register_task_definition(family="job", containerDefinitions=[{"name": "job", "image": "busybox", "cpu": 1024, "memory": 1024}])
out = ecs.run_task(cluster="work", taskDefinition="job", count=6)
print(json.dumps({"tasks": [[t["lastStatus"], t["capacityProviderName"], "containerInstanceArn" in t] for t in out["tasks"]], "failures": out["failures"]}))
`;

const GROWN = `
g = group()
acts = asg.describe_scaling_activities(AutoScalingGroupName="workers")["Activities"]
ts = tasks()
print(json.dumps({
  "desired": g["DesiredCapacity"],
  "instances": [[i["LifecycleState"], i["ProtectedFromScaleIn"]] for i in g["Instances"]],
  "tasks": sorted(t["lastStatus"] for t in ts),
  "hosts": len(set(t["containerInstanceArn"] for t in ts if "containerInstanceArn" in t)),
  "cause": acts[0]["Cause"],
  "policy": asg.describe_policies(AutoScalingGroupName="workers")["ScalingPolicies"][0]["PolicyName"],
}))
`;

const STOP = `
for t in tasks():
    ecs.stop_task(cluster="work", task=t["taskArn"])
print(json.dumps({"left": len(tasks())}))
`;

describe.skipIf(!cliPresent || !botoPresent)("ECS cluster auto scaling, end to end", () => {
  beforeAll(async () => {
    t = await startLocal();
  });
  afterAll(() => t?.close());

  const step = orderedSteps();

  step("the aws CLI and boto3 build the cluster, the template from SSM's ECS-optimized AMI, the group and the capacity provider", 5, async () => {
    const ami = (await aws("ssm", "get-parameter", "--name", "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id")).Parameter.Value;
    expect(ami).toMatch(/^ami-[0-9a-f]{17}$/);
    expect(await python(SETUP, ami, Buffer.from("#!/bin/bash\necho ECS_CLUSTER=work >> /etc/ecs/ecs.config\n").toString("base64"))).toBe(1);
    await aws("autoscaling", "create-auto-scaling-group", "--auto-scaling-group-name", "workers", "--launch-template", "LaunchTemplateName=workers,Version=$Latest", "--min-size", "1", "--max-size", "4", "--vpc-zone-identifier", `${SUBNET_A},${SUBNET_B}`, "--new-instances-protected-from-scale-in");
    const cp = await aws("ecs", "create-capacity-provider", "--name", "workers", "--auto-scaling-group-provider", "autoScalingGroupArn=workers,managedScaling={status=ENABLED,targetCapacity=100},managedTerminationProtection=ENABLED");
    expect(cp.capacityProvider.autoScalingGroupProvider).toEqual({
      autoScalingGroupArn: "workers",
      managedScaling: { status: "ENABLED", targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10000, instanceWarmupPeriod: 300 },
      managedTerminationProtection: "ENABLED",
      managedDraining: "ENABLED",
    });
    const put = await aws("ecs", "put-cluster-capacity-providers", "--cluster", "work", "--capacity-providers", "workers", "--default-capacity-provider-strategy", "capacityProvider=workers,weight=1");
    expect(put.cluster.attachmentsStatus).toBe("UPDATE_IN_PROGRESS");
  });

  step("boto3 runs 6 tasks that need 3 instances: 2 start on the one there, 4 wait PROVISIONING", 1, async () => {
    const out = await python(RUN);
    expect(out).toEqual({ tasks: [...Array(2).fill(["PENDING", "workers", true]), ...Array(4).fill(["PROVISIONING", "workers", false])], failures: [] });
  });

  step("once the first instance has warmed up (300 s), one datapoint above the target grows the group to 3, and all 6 run", 1, async () => {
    t.advance(4 * 60_000);
    expect((await python(GROWN)).desired).toBe(1);
    t.advance(60_000);
    const out = await python(GROWN);
    expect(out).toMatchObject({ desired: 3, instances: Array(3).fill(["InService", true]), tasks: Array(6).fill("RUNNING"), hosts: 3 });
    expect(out.cause).toMatch(new RegExp(`^At 2026-01-01T00:05:00Z a monitor alarm TargetTracking-workers-AlarmHigh-[0-9a-f-]{36} in state ALARM triggered policy ${out.policy} changing the desired capacity from 1 to 3\\.  `));
  });

  step("the tasks stop; after 15 datapoints below the target the group shrinks to its minimum (aws autoscaling describe-auto-scaling-groups)", 2, async () => {
    expect(await python(STOP)).toEqual({ left: 0 });
    t.advance(14 * 60_000);
    expect((await aws("autoscaling", "describe-auto-scaling-groups", "--auto-scaling-group-names", "workers")).AutoScalingGroups[0].DesiredCapacity).toBe(3);
    t.advance(2 * 60_000);
    const g = (await aws("autoscaling", "describe-auto-scaling-groups", "--auto-scaling-group-names", "workers")).AutoScalingGroups[0];
    expect([g.DesiredCapacity, g.Instances.map((i: any) => i.LifecycleState)]).toEqual([1, ["InService"]]);
  });
});

// An EC2 cluster as the console, Terraform and the CDK build it, end to end on one endpoint: the
// real `aws` CLI creates a launch template whose user data names ECS_CLUSTER and a group of 2;
// both instances join the cluster; an instance terminated in EC2 is replaced and the cluster is back
// to 2; the group is deleted with --force-delete. boto3 reads what the clock moved in between.
import { afterAll, beforeAll, describe, expect } from "vitest";
import { CALL_TIMEOUT_MS, orderedSteps } from "./budget.js";
import { startServer, type RunningServer } from "./server.js";
import { botoPresent, clientEnv, cliPresent, awsCli, run } from "./tools.js";
import { SUBNET_A, SUBNET_B } from "../helpers/fixtures.js";

let server: RunningServer;

if (!cliPresent || !botoPresent) console.warn("skipping the Auto Scaling end-to-end test: it needs both the `aws` CLI and boto3");

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
asg, ec2, ecs = boto3.client("autoscaling", **kw), boto3.client("ec2", **kw), boto3.client("ecs", **kw)

def group():
    groups = asg.describe_auto_scaling_groups(AutoScalingGroupNames=["asg"])["AutoScalingGroups"]
    return groups[0] if groups else None

def members():
    arns = ecs.list_container_instances(cluster="asg")["containerInstanceArns"]
    return sorted(c["ec2InstanceId"] for c in ecs.describe_container_instances(cluster="asg", containerInstances=arns)["containerInstances"]) if arns else []

def until(done, rounds=100):
    for _ in range(rounds):
        if done():
            return True
        time.sleep(0.1)
    return False
`;

const MEMBERS = `
g = group()
print(json.dumps({"group": sorted(i["InstanceId"] for i in g["Instances"]), "states": [i["LifecycleState"] for i in g["Instances"]], "members": members()}))
`;

// After an instance is terminated in EC2: the group replaces it, the cluster has two members again.
const REPLACED = `
gone = sys.argv[2]
ok = until(lambda: len(group()["Instances"]) == 2 and gone not in [i["InstanceId"] for i in group()["Instances"]] and all(i["LifecycleState"] == "InService" for i in group()["Instances"]) and gone not in members() and len(members()) == 2)
acts = asg.describe_scaling_activities(AutoScalingGroupName="asg")["Activities"]
print(json.dumps({"ok": ok, "group": sorted(i["InstanceId"] for i in group()["Instances"]), "members": members(), "activities": [[a["Description"], a["Cause"], a["StatusCode"]] for a in acts]}))
`;

const GONE = `
ids = sys.argv[2].split(",")
ok = until(lambda: group() is None)
states = sorted(i["State"]["Name"] for r in ec2.describe_instances(InstanceIds=ids)["Reservations"] for i in r["Instances"])
print(json.dumps({"ok": ok, "states": states, "members": members()}))
`;

describe.skipIf(!cliPresent || !botoPresent)("an Auto Scaling group of ECS container instances, end to end", () => {
  beforeAll(async () => {
    server = await startServer({ ECS_LOCAL_VALIDATE_OUTPUT: "1" });
  });
  afterAll(async () => server?.stop());

  const state = { ids: [] as string[] };
  const step = orderedSteps();

  step("aws autoscaling create-auto-scaling-group of 2 from a launch template naming ECS_CLUSTER: both instances join the cluster", 5, async () => {
    await aws("ecs", "create-cluster", "--cluster-name", "asg");
    // A launch template's user data is base64 on the wire, and the CLI sends it as given.
    const data = { ImageId: "ami-0fe5f366c083f59ca", InstanceType: "t3.medium", UserData: Buffer.from("#!/bin/bash\necho ECS_CLUSTER=asg >> /etc/ecs/ecs.config\n").toString("base64") };
    await aws("ec2", "create-launch-template", "--launch-template-name", "ecs", "--launch-template-data", JSON.stringify(data));
    await aws("autoscaling", "create-auto-scaling-group", "--auto-scaling-group-name", "asg", "--launch-template", "LaunchTemplateName=ecs,Version=$Latest", "--min-size", "0", "--max-size", "4", "--desired-capacity", "2", "--vpc-zone-identifier", `${SUBNET_A},${SUBNET_B}`);
    const listed = await aws("ecs", "list-container-instances", "--cluster", "asg");
    expect(listed.containerInstanceArns).toHaveLength(2);
    const out = await python(MEMBERS);
    expect(out.states).toEqual(["InService", "InService"]);
    expect(out.members).toEqual(out.group);
    state.ids = out.group;
  });

  step("aws ec2 terminate-instances on one: the group replaces it and the cluster is back to 2", 2, async () => {
    const [gone] = state.ids;
    await aws("ec2", "terminate-instances", "--instance-ids", gone);
    const out = await python(REPLACED, gone);
    expect(out.ok).toBe(true);
    expect(out.members).toEqual(out.group);
    const replacement = out.group.find((id: string) => !state.ids.includes(id));
    const [launch, terminate] = out.activities;
    expect([launch[0], launch[1].replace(/^At \S+ /, ""), launch[2]]).toEqual([`Launching a new EC2 instance: ${replacement}`, "an instance was launched in response to an unhealthy instance needing to be replaced.", "Successful"]);
    expect([terminate[0], terminate[1].replace(/^At \S+ /, ""), terminate[2]]).toEqual([`Terminating EC2 instance: ${gone}`, "an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped.", "Successful"]);
    state.ids = out.group;
  });

  step("aws autoscaling delete-auto-scaling-group --force-delete: the group and its instances go", 2, async () => {
    await aws("autoscaling", "delete-auto-scaling-group", "--auto-scaling-group-name", "asg", "--force-delete");
    const out = await python(GONE, state.ids.join(","));
    expect(out).toEqual({ ok: true, states: ["terminated", "terminated"], members: [] });
  });
});

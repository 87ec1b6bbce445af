// An ECS cluster's instances from a launch template, end to end: the real `aws` CLI reads the
// ECS-optimized AMI from SSM's public parameter, creates a launch template whose base64 user data
// sets ECS_CLUSTER, runs two instances from it and reads one's user data back; boto3 waits for them,
// finds both in the cluster, turns on termination protection and is refused termination, and makes,
// lists and deletes a key pair.
import { afterAll, beforeAll, describe, expect } from "vitest";
import { CALL_TIMEOUT_MS, orderedSteps } from "./budget.js";
import { startServer, type RunningServer } from "./server.js";
import { botoPresent, clientEnv, cliPresent, awsCli, run } from "./tools.js";

let server: RunningServer;

if (!cliPresent || !botoPresent) console.warn("skipping the EC2 compute end-to-end test: it needs both the `aws` CLI and boto3");

const env = clientEnv();
const USER_DATA = "#!/bin/bash\necho ECS_CLUSTER=fleet >> /etc/ecs/ecs.config\n";

async function aws(...args: string[]): Promise<any> {
  const { stdout } = await awsCli([...args, "--endpoint-url", server.url, "--output", "json"], { timeout: CALL_TIMEOUT_MS, env });
  return stdout.trim() ? JSON.parse(stdout) : {};
}

const BOTO = `
import boto3, json, sys, base64
from botocore.exceptions import ClientError
kw = dict(endpoint_url=sys.argv[1], region_name="us-east-1")
ec2, ecs = boto3.client("ec2", **kw), boto3.client("ecs", **kw)
ids = sys.argv[2].split(",")
ec2.get_waiter("instance_running").wait(InstanceIds=ids, WaiterConfig={"Delay": 1, "MaxAttempts": 10})
arns = ecs.list_container_instances(cluster="fleet")["containerInstanceArns"]
members = sorted(c["ec2InstanceId"] for c in ecs.describe_container_instances(cluster="fleet", containerInstances=arns)["containerInstances"])
ec2.modify_instance_attribute(InstanceId=ids[0], DisableApiTermination={"Value": True})
try:
    ec2.terminate_instances(InstanceIds=[ids[0]])
    refused = None
except ClientError as e:
    refused = [e.response["Error"]["Code"], e.response["Error"]["Message"]]
key = ec2.create_key_pair(KeyName="ops", KeyType="ed25519")
listed = [[k["KeyName"], k["KeyFingerprint"], k["KeyType"]] for k in ec2.describe_key_pairs(KeyNames=["ops"])["KeyPairs"]]
deleted = ec2.delete_key_pair(KeyName="ops")["Return"]
try:
    ec2.describe_key_pairs(KeyNames=["ops"])
    gone = None
except ClientError as e:
    gone = e.response["Error"]["Code"]
print(json.dumps({"members": members, "refused": refused, "material": key["KeyMaterial"].splitlines()[0], "fingerprint": key["KeyFingerprint"], "listed": listed, "deleted": deleted, "gone": gone}))
`;

describe.skipIf(!cliPresent || !botoPresent)("EC2 launch templates, instance attributes and key pairs, end to end", () => {
  beforeAll(async () => {
    server = await startServer({ ECS_LOCAL_VALIDATE_OUTPUT: "1" });
    const { ECSClient, CreateClusterCommand } = await import("@aws-sdk/client-ecs");
    await new ECSClient({ endpoint: server.url, region: "us-east-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" } }).send(new CreateClusterCommand({ clusterName: "fleet" }));
  });
  afterAll(async () => server?.stop());

  const step = orderedSteps();
  let ids: string[] = [];

  step("the CLI: the ECS-optimized AMI from SSM, a launch template with base64 ECS_CLUSTER user data, two instances from it", 3, async () => {
    const ami = (await aws("ssm", "get-parameter", "--name", "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id")).Parameter.Value;
    expect(ami).toMatch(/^ami-0[0-9a-f]{16}$/);
    const data = JSON.stringify({ ImageId: ami, InstanceType: "t3.medium", UserData: Buffer.from(USER_DATA).toString("base64") });
    const lt = (await aws("ec2", "create-launch-template", "--launch-template-name", "ecs-nodes", "--version-description", "first", "--launch-template-data", data)).LaunchTemplate;
    expect(lt).toMatchObject({ LaunchTemplateName: "ecs-nodes", DefaultVersionNumber: 1, LatestVersionNumber: 1 });
    const r = await aws("ec2", "run-instances", "--launch-template", "LaunchTemplateName=ecs-nodes,Version=$Latest", "--count", "2");
    ids = r.Instances.map((i: any) => i.InstanceId);
    expect(ids).toHaveLength(2);
    for (const i of r.Instances) {
      expect(i).toMatchObject({ ImageId: ami, InstanceType: "t3.medium", State: { Name: "pending" } });
      expect(i.Tags).toEqual([
        { Key: "aws:ec2launchtemplate:id", Value: lt.LaunchTemplateId },
        { Key: "aws:ec2launchtemplate:version", Value: "1" },
      ]);
    }
  });

  step("the CLI reads an instance's user data as it was given (base64)", 1, async () => {
    const attr = await aws("ec2", "describe-instance-attribute", "--instance-id", ids[0], "--attribute", "userData");
    expect(attr).toEqual({ InstanceId: ids[0], UserData: { Value: Buffer.from(USER_DATA).toString("base64") } });
  });

  step("boto3: both instances join the cluster; termination protection refuses termination; a key pair made, listed and deleted", 1, async () => {
    const { stdout } = await run("python3", ["-c", BOTO, server.url, ids.join(",")], { timeout: CALL_TIMEOUT_MS, env });
    const out = JSON.parse(stdout.trim());
    expect(out.members).toEqual([...ids].sort());
    expect(out.refused).toEqual(["OperationNotPermitted", `The instance '${ids[0]}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`]);
    expect(out.material).toBe("-----BEGIN OPENSSH PRIVATE KEY-----");
    expect(out.listed).toEqual([["ops", out.fingerprint, "ed25519"]]);
    expect([out.deleted, out.gone]).toEqual([true, "InvalidKeyPair.NotFound"]);
  });
});

// boto3 launching an instance whose plain user data names ECS_CLUSTER: it joins the cluster with its
// type's resources. The CLI flow (two instances, services, a load balancer, termination) is the
// lab's, in lab.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budget, CALL_TIMEOUT_MS } from "./budget.js";
import { startServer, type RunningServer } from "./server.js";
import { botoPresent, clientEnv, run } from "./tools.js";

let server: RunningServer;

if (!botoPresent) console.warn("skipping the boto3 EC2 test: python3 cannot import boto3");

const env = clientEnv();

describe.skipIf(!botoPresent)("EC2 instances joining ECS, end to end", () => {
  beforeAll(async () => {
    server = await startServer({ ECS_LOCAL_VALIDATE_OUTPUT: "1" });
  });
  afterAll(async () => server?.stop());

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

// Registered targets and their health by the clock: unused without a load balancer, initial then
// healthy after interval × healthy threshold, draining for the deregistration delay, then gone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ElasticLoadBalancingV2Client, waitUntilTargetDeregistered, waitUntilTargetInService } from "@aws-sdk/client-elastic-load-balancing-v2";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { SUBNET_A, SUBNET_B } from "../helpers/fixtures.js";
import { defaultVpcId } from "../../src/services/ec2/domain/network.js";

const SUBNETS = [SUBNET_A, SUBNET_B];
const VPC = defaultVpcId("000000000000", "us-east-1");

/** Two running EC2 instances: ELBv2 registers only what EC2 has running. */
let I1 = "";
let I2 = "";
async function launch(t: TestLocal): Promise<void> {
  const ec2 = queryCaller(t, "ec2");
  const r = await ec2.call("RunInstances", { ImageId: "ami-0123456789abcdef0", InstanceType: "t3.micro", MinCount: 2, MaxCount: 2 });
  [I1, I2] = r.Instances.map((i: any) => i.InstanceId);
  expect((await ec2.call("DescribeInstances", { InstanceIds: [I1, I2] })).Reservations[0].Instances.map((i: any) => i.State.Name)).toEqual(["running", "running"]);
}

async function group(elb: QueryCaller, name: string, extra: Record<string, unknown> = {}) {
  return (await elb.call("CreateTargetGroup", { Name: name, Protocol: "HTTP", Port: 80, VpcId: VPC, HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 3, ...extra })).TargetGroups[0];
}

async function attach(elb: QueryCaller, name: string, tgArn: string) {
  const lb = (await elb.call("CreateLoadBalancer", { Name: name, Subnets: SUBNETS })).LoadBalancers[0];
  return (await elb.call("CreateListener", { LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: tgArn }] })).Listeners[0];
}

const health = async (elb: QueryCaller, arn: string, targets?: unknown[]) => (await elb.call("DescribeTargetHealth", { TargetGroupArn: arn, ...(targets ? { Targets: targets } : {}) })).TargetHealthDescriptions;

describe("at AWS's pace (elbTimePercent 100)", () => {
  let t: TestLocal;
  let elb: QueryCaller;
  beforeAll(async () => {
    t = await startLocal({ timings: { elbTimePercent: 100 } as never });
    elb = queryCaller(t, "elbv2");
    await launch(t);
  });
  afterAll(async () => t.close());

  it("a group no load balancer uses leaves its targets unused, with AWS's reason", async () => {
    const tg = await group(elb, "lonely");
    await elb.call("RegisterTargets", { TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: I1 }] });
    expect(await health(elb, tg.TargetGroupArn)).toEqual([
      { Target: { Id: I1, Port: 80 }, TargetHealth: { State: "unused", Reason: "Target.NotInUse", Description: "Target group is not configured to receive traffic from the load balancer" } },
    ]);
  });

  it("initial, then healthy after interval × healthy threshold; draining for the delay, then not registered", async () => {
    const tg = await group(elb, "paced");
    await attach(elb, "paced", tg.TargetGroupArn);
    await elb.call("ModifyTargetGroupAttributes", { TargetGroupArn: tg.TargetGroupArn, Attributes: [{ Key: "deregistration_delay.timeout_seconds", Value: "20" }] });
    await elb.call("RegisterTargets", { TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: I1, Port: 32768 }] });
    expect(await health(elb, tg.TargetGroupArn)).toEqual([{ Target: { Id: I1, Port: 32768 }, TargetHealth: { State: "initial", Reason: "Elb.RegistrationInProgress", Description: "Target registration is in progress" } }]);
    t.advance(10_000);
    expect((await health(elb, tg.TargetGroupArn))[0].TargetHealth).toEqual({ State: "initial", Reason: "Elb.InitialHealthChecking", Description: "Initial health checks in progress" });
    t.advance(19_999);
    expect((await health(elb, tg.TargetGroupArn))[0].TargetHealth.State).toBe("initial");
    t.advance(1);
    const healthy = await health(elb, tg.TargetGroupArn);
    expect(healthy).toEqual([{ Target: { Id: I1, Port: 32768 }, HealthCheckPort: "32768", TargetHealth: { State: "healthy" } }]);
    await elb.call("DeregisterTargets", { TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: I1, Port: 32768 }] });
    expect((await health(elb, tg.TargetGroupArn))[0].TargetHealth).toEqual({ State: "draining", Reason: "Target.DeregistrationInProgress", Description: "Target deregistration is in progress" });
    t.advance(20_000);
    expect(await health(elb, tg.TargetGroupArn)).toEqual([]);
    const named = await health(elb, tg.TargetGroupArn, [{ Id: I1, Port: 32768 }]);
    expect(named[0].TargetHealth).toEqual({ State: "unused", Reason: "Target.NotRegistered", Description: "Target is not registered to the target group" });
  });

  it("targets start checks when a listener starts forwarding to their group, and go unused when it stops", async () => {
    const tg = await group(elb, "late", { TargetType: "ip" });
    await elb.call("RegisterTargets", { TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: "172.31.1.15" }] });
    const listener = await attach(elb, "late", tg.TargetGroupArn);
    // The address is in the default subnet 172.31.0.0/20: the target takes that subnet's zone.
    expect((await health(elb, tg.TargetGroupArn))[0].Target).toEqual({ Id: "172.31.1.15", Port: 80, AvailabilityZone: "us-east-1a" });
    expect((await health(elb, tg.TargetGroupArn))[0].TargetHealth.State).toBe("initial");
    await elb.call("DeleteListener", { ListenerArn: listener.ListenerArn });
    expect((await health(elb, tg.TargetGroupArn))[0].TargetHealth.Reason).toBe("Target.NotInUse");
  });

  it("registers only instances EC2 has running, naming every one that is not", async () => {
    const tg = await group(elb, "running");
    const ec2 = queryCaller(t, "ec2");
    await ec2.call("StopInstances", { InstanceIds: [I2] });
    const absent = "i-0123456789abcdef0";
    const e = await elb.error("RegisterTargets", { TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: I1 }, { Id: I2 }, { Id: absent }] });
    expect(e).toMatchObject({ code: "InvalidTarget", message: `The following targets are not in a running state and cannot be registered: '${I2}', '${absent}'` });
    expect(await health(elb, tg.TargetGroupArn)).toEqual([]);
    await ec2.call("StartInstances", { InstanceIds: [I2] });
    await elb.call("RegisterTargets", { TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: I2 }] });
    expect((await health(elb, tg.TargetGroupArn)).map((d: any) => d.Target.Id)).toEqual([I2]);
  });

  it("refuses targets of the wrong kind and unknown groups, registering nothing", async () => {
    const tg = await group(elb, "picky", { TargetType: "ip" });
    expect((await elb.error("RegisterTargets", { TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: "10.0.0.1" }, { Id: "8.8.8.8" }] })).code).toBe("InvalidTarget");
    expect((await elb.error("RegisterTargets", { TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: "i-0123456789abcdef0" }] })).code).toBe("InvalidTarget");
    expect(await health(elb, tg.TargetGroupArn)).toEqual([]);
    // Deregistering a target that is not registered changes nothing and succeeds.
    await elb.call("DeregisterTargets", { TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: "10.0.0.1" }] });
    expect(await health(elb, tg.TargetGroupArn)).toEqual([]);
    // An address outside the group's VPC must name its zone.
    expect((await elb.error("RegisterTargets", { TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: "10.0.0.1" }] })).message).toBe(
      "You must specify a valid Availability Zone or select 'all' for all enabled Availability zones, since the IP address '10.0.0.1' is outside the VPC",
    );
    await elb.call("RegisterTargets", { TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: "10.0.0.1", AvailabilityZone: "all" }] });
    expect((await health(elb, tg.TargetGroupArn)).map((d: any) => d.Target)).toEqual([{ Id: "10.0.0.1", Port: 80, AvailabilityZone: "all" }]);
    const missing = await elb.error("DescribeTargetHealth", { TargetGroupArn: tg.TargetGroupArn.replace(/[0-9a-f]{16}$/, "0000000000000000") });
    expect(missing).toMatchObject({ code: "TargetGroupNotFound", message: "One or more target groups not found" });
  });
});

describe("at the default pace (settled at the next turn)", () => {
  let t: TestLocal;
  let elb: QueryCaller;
  beforeAll(async () => {
    t = await startLocal();
    elb = queryCaller(t, "elbv2");
    await launch(t);
  });
  afterAll(async () => t.close());

  it("the SDK's target-in-service and target-deregistered waiters succeed on their first poll", async () => {
    const client = new ElasticLoadBalancingV2Client({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" } });
    const tg = await group(elb, "quick");
    await attach(elb, "quick", tg.TargetGroupArn);
    const targets = [{ Id: I1 }, { Id: I2 }];
    await elb.call("RegisterTargets", { TargetGroupArn: tg.TargetGroupArn, Targets: targets });
    // The first poll already sees them healthy: nothing is left for a waiter's delay to wait for.
    expect((await health(elb, tg.TargetGroupArn)).map((d: any) => d.TargetHealth.State)).toEqual(["healthy", "healthy"]);
    expect((await waitUntilTargetInService({ client, maxWaitTime: 30, minDelay: 5 }, { TargetGroupArn: tg.TargetGroupArn, Targets: targets })).state).toBe("SUCCESS");
    await elb.call("DeregisterTargets", { TargetGroupArn: tg.TargetGroupArn, Targets: targets });
    expect((await health(elb, tg.TargetGroupArn, targets)).map((d: any) => d.TargetHealth.Reason)).toEqual(["Target.NotRegistered", "Target.NotRegistered"]);
    expect((await waitUntilTargetDeregistered({ client, maxWaitTime: 30, minDelay: 5 }, { TargetGroupArn: tg.TargetGroupArn, Targets: targets })).state).toBe("SUCCESS");
  });
});

describe("tags", () => {
  let t: TestLocal;
  let elb: QueryCaller;
  beforeAll(async () => {
    t = await startLocal();
    elb = queryCaller(t, "elbv2");
    await launch(t);
  });
  afterAll(async () => t.close());

  it("adds, lists and removes tags; a request naming an unknown resource tags nothing", async () => {
    const tg = await group(elb, "tagged", { Tags: [{ Key: "team", Value: "web" }] });
    await elb.call("AddTags", { ResourceArns: [tg.TargetGroupArn], Tags: [{ Key: "env", Value: "lab" }, { Key: "team", Value: "api" }] });
    const missing = tg.TargetGroupArn.replace(/[0-9a-f]{16}$/, "0000000000000000");
    expect((await elb.error("AddTags", { ResourceArns: [tg.TargetGroupArn, missing], Tags: [{ Key: "x", Value: "1" }] })).code).toBe("TargetGroupNotFound");
    expect((await elb.call("DescribeTags", { ResourceArns: [tg.TargetGroupArn] })).TagDescriptions[0].Tags).toEqual([{ Key: "team", Value: "api" }, { Key: "env", Value: "lab" }]);
    await elb.call("RemoveTags", { ResourceArns: [tg.TargetGroupArn], TagKeys: ["team"] });
    expect((await elb.call("DescribeTags", { ResourceArns: [tg.TargetGroupArn] })).TagDescriptions).toEqual([{ ResourceArn: tg.TargetGroupArn, Tags: [{ Key: "env", Value: "lab" }] }]);
    const tooMany = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    expect((await elb.error("AddTags", { ResourceArns: [tg.TargetGroupArn], Tags: tooMany })).code).toBe("TooManyTags");
    expect((await elb.call("DescribeTags", { ResourceArns: [tg.TargetGroupArn] })).TagDescriptions[0].Tags).toHaveLength(1);
  });
});

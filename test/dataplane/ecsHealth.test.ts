// ECS acting on the load balancer's health checks, with the simulated runtime (nothing to probe):
// targets are failed by hand through POST /_ecs-local/target-health. A task whose target is unhealthy
// past healthCheckGracePeriodSeconds is stopped and replaced in ECS's words; a deployment whose new
// tasks keep failing trips the circuit breaker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { SUBNET_A, SUBNET_B, fargateTaskDefinition } from "../helpers/fixtures.js";
import { defaultVpcId } from "../../src/services/ec2/domain/network.js";

const VPC = defaultVpcId("000000000000", "us-east-1");
let t: TestLocal;
let elb: QueryCaller;
let tg = "";

beforeAll(async () => {
  // ELBv2 at AWS's pace: a new target is healthy after 10 s × 2.
  t = await startLocal({ elbPortOffset: -1, timings: { elbTimePercent: 100 } as never });
  elb = queryCaller(t, "elbv2");
  tg = (await elb.call("CreateTargetGroup", { Name: "web", Protocol: "HTTP", Port: 80, VpcId: VPC, TargetType: "ip", HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 })).TargetGroups[0].TargetGroupArn;
  const lb = (await elb.call("CreateLoadBalancer", { Name: "web", Subnets: [SUBNET_A, SUBNET_B] })).LoadBalancers[0].LoadBalancerArn;
  await elb.call("CreateListener", { LoadBalancerArn: lb, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: tg }] });
  await t.ecs("CreateCluster", { clusterName: "c" });
  await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("web", { containerDefinitions: [{ name: "web", image: "nginx", portMappings: [{ containerPort: 80 }] }] }));
});
afterAll(async () => t.close());

const mark = (body: unknown) => fetch(`${t.url}/_ecs-local/target-health`, { method: "POST", body: JSON.stringify(body) });
const targets = async () => (await elb.call("DescribeTargetHealth", { TargetGroupArn: tg })).TargetHealthDescriptions as any[];
const running = async () => (await t.ecs("DescribeTasks", { cluster: "c", tasks: (await t.ecs("ListTasks", { cluster: "c", desiredStatus: "RUNNING" })).taskArns! })).tasks!;
const ipOf = (task: any) => task.attachments[0].details.find((d: any) => d.name === "privateIPv4Address").value;

describe("a service behind an ALB", () => {
  it("replaces a task whose target fails its checks once the grace period has passed", async () => {
    await t.ecs("CreateService", {
      cluster: "c", serviceName: "web", taskDefinition: "web", desiredCount: 1, launchType: "FARGATE", healthCheckGracePeriodSeconds: 60,
      networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A] } },
      loadBalancers: [{ targetGroupArn: tg, containerName: "web", containerPort: 80 }],
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } },
    });
    t.advance(20_000);
    const [task] = await running();
    const ip = ipOf(task);
    expect((await targets()).map((d) => [d.Target.Id, d.TargetHealth.State])).toEqual([[ip, "healthy"]]);

    const r = await mark({ targetGroupArn: tg, id: ip, port: 80, state: "unhealthy", reason: "Target.ResponseCodeMismatch" });
    expect(await r.json()).toEqual({ targetGroupArn: tg, id: ip, port: 80, targetHealth: { State: "unhealthy", Reason: "Target.ResponseCodeMismatch", Description: "Health checks failed with these codes: [500]" } });
    expect((await targets())[0].TargetHealth).toEqual({ State: "unhealthy", Reason: "Target.ResponseCodeMismatch", Description: "Health checks failed with these codes: [500]" });
    // Within the grace period the task stays.
    t.advance(30_000);
    expect((await running()).map((x) => x.taskArn)).toEqual([task.taskArn]);
    t.advance(30_000);
    const stopped = (await t.ecs("DescribeTasks", { cluster: "c", tasks: [task.taskArn!] })).tasks![0];
    expect([stopped.desiredStatus, stopped.stopCode, stopped.stoppedReason]).toEqual(["STOPPED", "ServiceSchedulerInitiated", `Task failed ELB health checks in (target-group ${tg})`]);
    const events = (await t.ecs("DescribeServices", { cluster: "c", services: ["web"] })).services![0].events!.map((e) => e.message);
    const id = task.taskArn!.split("/").pop();
    expect(events).toContain(`(service web) (task ${id}) failed ELB health checks in (target-group ${tg})`);
    expect(events).toContain(`(service web) (task ${id}) (port 80) is unhealthy in (target-group ${tg}) due to (reason Health checks failed with these codes: [500]).`);
    t.advance(0);
    const replacement = await running();
    expect(replacement.length).toBe(1);
    expect(replacement[0].taskArn).not.toBe(task.taskArn);
  });

  it("trips the circuit breaker when a deployment's new tasks keep failing their checks", async () => {
    t.advance(20_000);
    const [old] = await running();
    await t.ecs("UpdateService", { cluster: "c", service: "web", forceNewDeployment: true });
    for (let i = 0; i < 3; i++) {
      t.advance(0);
      const fresh = (await running()).filter((x) => x.taskArn !== old.taskArn);
      expect(fresh.length).toBe(1);
      await mark({ targetGroupArn: tg, id: ipOf(fresh[0]), port: 80, state: "unhealthy" });
      t.advance(60_000);
    }
    const s = (await t.ecs("DescribeServices", { cluster: "c", services: ["web"] })).services![0];
    expect([s.deployments![0].rolloutState, s.deployments![0].rolloutStateReason]).toEqual(["FAILED", "ECS deployment circuit breaker: tasks failed to start."]);
  });

  it("refuses a bad marking in the awsJson error form, changing nothing", async () => {
    const r = await mark({ targetGroupArn: tg, id: "10.9.9.9", port: 80, state: "unhealthy" });
    expect([r.status, await r.json()]).toEqual([400, { __type: "ValidationException", message: `No target 10.9.9.9:80 is registered (and not draining) in ${tg}.` }]);
    const bad = await mark({ targetGroupArn: tg, id: "x", state: "sick" });
    expect((await bad.json()).message).toBe("state must be unhealthy or healthy.");
  });
});

// The console's views of the companion services, in Chromium against one server: the EC2 instance
// behind a container instance launched by RunInstances, a service's ALB target group with its
// targets going initial → healthy and draining → gone, and a task's awslogs stream followed live;
// each API's error shown as its Code: message.
// Called from console.test.ts, which owns the browser.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { see, shot, STEP_MS, until, type Browser } from "./browser.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { logsCalls, type LogsCalls } from "../helpers/logs.js";
import { DEFAULT_SG, SUBNET_A, SUBNET_B } from "../helpers/fixtures.js";
import { defaultVpcId } from "../../src/services/ec2/domain/network.js";

const USER_DATA = Buffer.from("#!/bin/bash\necho ECS_CLUSTER=shop >> /etc/ecs/ecs.config\n").toString("base64");
const GROUP = "/ecs/shop";

export function companionTests(browser: () => Browser): void {
  let t: TestLocal;
  let ec2: QueryCaller;
  let elb: QueryCaller;
  let logs: LogsCalls;
  let page: Page;
  let instanceId = "";
  let tg = "";

  beforeAll(async () => {
    // ELBv2 at AWS's pace on the test's clock: health checks 10 s × 2, a 30 s deregistration delay.
    t = await startLocal({ timings: { elbTimePercent: 100 } as never });
    ec2 = queryCaller(t, "ec2");
    elb = queryCaller(t, "elbv2");
    logs = logsCalls(t);
    await t.ecs("CreateCluster", { clusterName: "shop" });
    const run = await ec2.call("RunInstances", { ImageId: "ami-0fe5f366c083f59ca", InstanceType: "t3.medium", MinCount: 1, MaxCount: 1, SubnetId: SUBNET_A, SecurityGroupIds: [DEFAULT_SG], UserData: USER_DATA });
    instanceId = run.Instances[0].InstanceId;
    page = await browser().context.newPage();
    page.setDefaultTimeout(STEP_MS);
    await page.goto(`${t.url}/_ecs-local/console/#/clusters/shop/infrastructure`);
    // The test server's default account and region, not what an earlier suite switched to.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
  });
  afterAll(async () => {
    await page?.close();
    await t?.close();
  });

  it("shows the EC2 instance behind a container instance launched by RunInstances with ECS_CLUSTER user data", async () => {
    await until("the instance has joined the cluster", async () => ((await t.ecs("ListContainerInstances", { cluster: "shop" })).containerInstanceArns ?? []).length === 1);
    const arn = (await t.ecs("ListContainerInstances", { cluster: "shop" })).containerInstanceArns![0];
    const card = page.getByRole("article", { name: arn.split("/").pop()! });
    const inst = (await ec2.call("DescribeInstances", { InstanceIds: [instanceId] })).Reservations[0].Instances[0];
    const facts = card.locator(".ec2 dl");
    await see(facts.getByText(instanceId, { exact: true }));
    const shown = Object.fromEntries(await facts.locator("div").evaluateAll((ds) => ds.map((d) => [d.querySelector("dt")!.textContent, d.querySelector("dd")!.textContent])));
    expect(shown).toMatchObject({ "Instance ID": instanceId, "Instance state": "running", "Instance type": "t3.medium", "Private IP address": inst.PrivateIpAddress, "Availability Zone": "us-east-1a", "AMI ID": "ami-0fe5f366c083f59ca" });
    expect(inst.PrivateIpAddress).toMatch(/^172\.31\./);
    expect(shown["Launch time"]).not.toBe("—");
    await shot(page, "infrastructure-ec2");
  });

  it("shows a service's ALB target group and its targets going initial → healthy as health checks pass", async () => {
    const group = (await elb.call("CreateTargetGroup", { Name: "shop-web", Protocol: "HTTP", Port: 80, VpcId: defaultVpcId("000000000000", "us-east-1"), TargetType: "instance", HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 })).TargetGroups[0];
    tg = group.TargetGroupArn;
    await elb.call("ModifyTargetGroupAttributes", { TargetGroupArn: tg, Attributes: [{ Key: "deregistration_delay.timeout_seconds", Value: "30" }] });
    const lb = (await elb.call("CreateLoadBalancer", { Name: "shop", Subnets: [SUBNET_A, SUBNET_B] })).LoadBalancers[0];
    await elb.call("CreateListener", { LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: tg }] });
    await t.ecs("RegisterTaskDefinition", {
      family: "web",
      containerDefinitions: [
        { name: "web", image: "nginx", memory: 128, portMappings: [{ containerPort: 80, hostPort: 0 }], logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": GROUP, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs", "awslogs-create-group": "true" } } },
        { name: "sidecar", image: "busybox", memory: 32, essential: false },
      ],
    });
    await t.ecs("CreateService", { cluster: "shop", serviceName: "web", taskDefinition: "web", desiredCount: 1, loadBalancers: [{ targetGroupArn: tg, containerName: "web", containerPort: 80 }] });
    await page.goto(`${t.url}/_ecs-local/console/#/clusters/shop/services/web`);
    await see(page.getByRole("heading", { name: "Service web" }));
    await see(page.getByRole("heading", { name: "Target group shop-web" }));
    const summary = page.locator(".lb dl");
    await see(summary.getByText("HTTP : 80"));
    await see(summary.getByText(lb.DNSName, { exact: true }));
    await see(summary.getByText("instance", { exact: true }));
    const targets = page.getByRole("table", { name: "Targets of shop-web" }).locator("tbody tr");
    const [d] = (await elb.call("DescribeTargetHealth", { TargetGroupArn: tg })).TargetHealthDescriptions;
    expect(d.Target.Id).toBe(instanceId);
    expect(d.TargetHealth.State).toBe("initial");
    await until("the target is shown initial, with ELBv2's reason", async () => {
      const cells = await targets.first().locator("td").allInnerTexts();
      return cells[0] === instanceId && cells[1] === String(d.Target.Port) && cells[3] === "initial" && cells[4].startsWith(d.TargetHealth.Reason);
    });
    t.advance(20_000);
    await until("the target is shown healthy", async () => (await targets.first().locator("td").allInnerTexts())[3] === "healthy");
    expect((await elb.call("DescribeTargetHealth", { TargetGroupArn: tg })).TargetHealthDescriptions[0].TargetHealth.State).toBe("healthy");
    await shot(page, "service-targets");
  });

  it("follows a task's awslogs stream live, says when a container does not use awslogs, and shows the API's error when the stream is gone", async () => {
    const taskArn = (await t.ecs("ListTasks", { cluster: "shop", serviceName: "web" })).taskArns![0];
    const taskId = taskArn.split("/").pop()!;
    const stream = `ecs/web/${taskId}`;
    await page.goto(`${t.url}/_ecs-local/console/#/clusters/shop/tasks/${taskId}`);
    const panel = page.getByRole("region", { name: "Logs: web" });
    await see(panel.getByText(`${GROUP}`, { exact: true }));
    await see(panel.getByText(stream, { exact: true }));
    // The simulated runtime creates the stream and writes nothing to it.
    await see(panel.getByText("No log events in this stream yet"));
    await see(page.getByRole("region", { name: "Logs: sidecar" }).getByText("does not use the awslogs log driver"));
    const now = t.clock.now();
    // What the docker runtime would write: the container's lines, in order.
    await logs.logs("PutLogEvents", { logGroupName: GROUP, logStreamName: stream, logEvents: [{ timestamp: now, message: "nginx: starting" }, { timestamp: now + 1, message: "GET / 200" }] });
    const lines = panel.getByRole("log").locator("li .log-message");
    await until("the two events are shown", async () => (await lines.allInnerTexts()).join("|") === "nginx: starting|GET / 200");
    await logs.logs("PutLogEvents", { logGroupName: GROUP, logStreamName: stream, logEvents: [{ timestamp: now + 2, message: "GET /health 200" }] });
    await until("the new event is appended at the bottom", async () => (await lines.allInnerTexts()).join("|") === "nginx: starting|GET / 200|GET /health 200");
    await shot(page, "task-logs");
    await logs.logs("DeleteLogStream", { logGroupName: GROUP, logStreamName: stream });
    const gone = await logs.logsError("GetLogEvents", { logGroupName: GROUP, logStreamName: stream });
    await see(panel.getByText(`${gone.code}: ${gone.message}`));
  });

  it("shows the target draining when the service scales in, then gone", async () => {
    await t.ecs("UpdateService", { cluster: "shop", service: "web", desiredCount: 0 });
    await page.goto(`${t.url}/_ecs-local/console/#/clusters/shop/services/web`);
    const targets = page.getByRole("table", { name: "Targets of shop-web" }).locator("tbody tr");
    await until("the target is shown draining", async () => (await targets.first().locator("td").allInnerTexts())[3] === "draining");
    await see(targets.first().getByText("Target.DeregistrationInProgress"));
    t.advance(30_000);
    await see(page.locator(".lb").getByText("No targets registered."));
    expect((await elb.call("DescribeTargetHealth", { TargetGroupArn: tg })).TargetHealthDescriptions).toEqual([]);
  });

  it("shows ELBv2's own error when the service's target group is gone", async () => {
    const lb = (await elb.call("DescribeLoadBalancers", { Names: ["shop"] })).LoadBalancers[0];
    await elb.call("DeleteLoadBalancer", { LoadBalancerArn: lb.LoadBalancerArn });
    await elb.call("DeleteTargetGroup", { TargetGroupArn: tg });
    const e = await elb.error("DescribeTargetGroups", { TargetGroupArns: [tg] });
    await see(page.locator(".lb .form-error").getByText(`${e.code}: ${e.message}`, { exact: true }));
  });
}

// The console's scaling views in Chromium: a service's Application Auto Scaling target (bounds,
// policies, scheduled actions, recent activities) and a cluster's capacity providers (Fargate, and
// Auto Scaling group providers with their group, instances, managed scaling settings, reservation
// and the tasks waiting for capacity). The parts that need Auto Scaling, or ECS holding tasks for
// capacity (managed scaling), report themselves skipped with the reason on a server without them.
// Called from services.test.ts, which owns the browser and the server.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { see, shot, STEP_MS, until, type Browser } from "./browser.js";
import type { TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { fargateTaskDefinition, SUBNET_A, SUBNET_B, SUBNETS } from "../helpers/fixtures.js";

const USER_DATA = Buffer.from("#!/bin/bash\necho ECS_CLUSTER=shop >> /etc/ecs/ecs.config\n").toString("base64");
const RESOURCE = "service/shop/web";

const cells = async (page: Page, table: string, row: string) => page.getByRole("table", { name: table }).locator("tbody tr").filter({ hasText: row }).first().locator("td").allInnerTexts();

/** A provider's reservation as the page shows it from ECS managed scaling's view (GET /_ecs-local/capacity-providers). */
async function viewedReservation(t: TestLocal, name: string): Promise<string> {
  const view = await (await fetch(`${t.url}/_ecs-local/capacity-providers`)).json();
  const p = view.capacityProviders.find((x: { accountId: string; region: string; name: string }) => x.accountId === "000000000000" && x.region === "us-east-1" && x.name === name);
  const d = p?.lastDatapoint;
  if (!d) return "Not evaluated yet";
  const s = (n: number) => (n === 1 ? "" : "s");
  return `${Math.round(d.reservation * 100) / 100} % (${d.needed} needed of ${d.running} running instance${s(d.running)}, ${d.waiting} task${s(d.waiting)} waiting)`;
}

/** The label → value pairs of a summary or facts list inside `scope`. */
async function facts(page: Page, scope: string): Promise<Record<string, string>> {
  return Object.fromEntries(await page.locator(`${scope} dl > div`).evaluateAll((ds) => ds.map((d) => [d.querySelector("dt")!.textContent, d.querySelector("dd")!.textContent])));
}

export function scalingTests(browser: () => Browser, server: () => TestLocal): void {
  let t: TestLocal;
  let aas: JsonCalls;
  let asg: QueryCaller;
  let page: Page;
  /** Why the Auto Scaling parts cannot run here, when they cannot. */
  let noAutoScaling: string | undefined;
  /** Whether the server shows ECS managed scaling's own view; the page works the reservation out otherwise. */
  let viewServed = false;
  /** The reservation the page should show: ECS's from its view, else the page's own working. */
  const expectReservation = async (name: string, worked: string): Promise<string> => (viewServed ? viewedReservation(t, name) : worked);

  beforeAll(async () => {
    t = server();
    aas = jsonCalls(t, "application-autoscaling");
    asg = queryCaller(t, "autoscaling");
    const probe = await asg.raw({ Action: "DescribeAutoScalingGroups", Version: "2011-01-01" });
    if (probe.status !== 200) noAutoScaling = `this server does not serve Auto Scaling yet (${/<Message>([^<]*)/.exec(probe.text)?.[1] ?? probe.status})`;
    viewServed = (await fetch(`${t.url}/_ecs-local/capacity-providers`)).ok;
    await t.ecs("CreateCluster", { clusterName: "shop" });
    await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("web"));
    await t.ecs("CreateService", { cluster: "shop", serviceName: "web", taskDefinition: "web", desiredCount: 1, launchType: "FARGATE", networkConfiguration: SUBNETS });
    page = await browser().context.newPage();
    page.setDefaultTimeout(STEP_MS);
  });
  afterAll(async () => {
    await page?.close();
  });

  it("shows a service's scalable target, its policy, scheduled action and the activity that raised its count", async () => {
    await aas.call("RegisterScalableTarget", { ServiceNamespace: "ecs", ResourceId: RESOURCE, ScalableDimension: "ecs:service:DesiredCount", MinCapacity: 1, MaxCapacity: 4 });
    const policy = await aas.call("PutScalingPolicy", {
      PolicyName: "cpu50",
      ServiceNamespace: "ecs",
      ResourceId: RESOURCE,
      ScalableDimension: "ecs:service:DesiredCount",
      PolicyType: "TargetTrackingScaling",
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" }, ScaleInCooldown: 120 },
    });
    await aas.call("PutScheduledAction", { ServiceNamespace: "ecs", ResourceId: RESOURCE, ScalableDimension: "ecs:service:DesiredCount", ScheduledActionName: "rush", Schedule: "cron(0 8 * * ? *)", Timezone: "Europe/Paris", ScalableTargetAction: { MinCapacity: 2, MaxCapacity: 6 } });
    await aas.call("RegisterScalableTarget", { ServiceNamespace: "ecs", ResourceId: RESOURCE, ScalableDimension: "ecs:service:DesiredCount", MinCapacity: 2 });
    await page.goto(`${t.url}/_ecs-local/console/#/clusters/shop/services/web`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await see(page.getByRole("heading", { name: "Service auto scaling" }));
    await until("the bounds are shown", async () => (await facts(page, ".scaling"))["Minimum tasks"] === "2");
    expect(await facts(page, ".scaling")).toMatchObject({ "Minimum tasks": "2", "Maximum tasks": "4", Suspended: "None", "Resource ID": RESOURCE });
    const shown = await cells(page, "Scaling policies", "cpu50");
    expect(shown.slice(0, 4)).toEqual(["cpu50", "TargetTrackingScaling", "ECSServiceAverageCPUUtilization at 50", "out 300 s · in 120 s"]);
    // The alarms Application Auto Scaling made for the policy, one a line.
    expect(shown[4].split("\n")).toEqual(policy.Alarms.map((a: { AlarmName: string }) => a.AlarmName));
    expect(policy.Alarms).toHaveLength(2);
    expect(await cells(page, "Scheduled actions", "rush")).toEqual(["rush", "cron(0 8 * * ? *)", "Europe/Paris", "2 / 6", "—", "—"]);
    t.advance(1000);
    await until("the activity is shown with the status Application Auto Scaling gives it", async () => {
      const [a] = (await aas.call("DescribeScalingActivities", { ServiceNamespace: "ecs", ResourceId: RESOURCE })).ScalingActivities;
      const shown = await cells(page, "Scaling activities, the newest 10", a.Description);
      return shown[1] === a.StatusCode && shown[2].startsWith(a.Description) && shown[3] === a.Cause;
    });
    const [a] = (await aas.call("DescribeScalingActivities", { ServiceNamespace: "ecs", ResourceId: RESOURCE })).ScalingActivities;
    expect([a.Description, a.Cause]).toEqual(["Setting desired count to 2.", "minimum capacity was set to 2"]);
    await shot(page, "service-scaling", page.getByRole("heading", { name: "Service auto scaling" }));
  });

  it("shows the cluster's capacity providers: Fargate's running tasks and a group provider's managed scaling settings", async () => {
    const group = noAutoScaling ? "arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:00000000-0000-4000-8000-000000000000:autoScalingGroupName/shop-asg" : await createGroup(asg, t, "shop-asg", 2);
    await t.ecs("CreateCapacityProvider", { name: "shop-asg", autoScalingGroupProvider: { autoScalingGroupArn: group, managedScaling: { status: "ENABLED", targetCapacity: 90, maximumScalingStepSize: 2 }, managedTerminationProtection: "DISABLED" } });
    await t.ecs("PutClusterCapacityProviders", { cluster: "shop", capacityProviders: ["FARGATE", "shop-asg"], defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", base: 1, weight: 1 }] });
    await t.ecs("RunTask", { cluster: "shop", taskDefinition: "web", capacityProviderStrategy: [{ capacityProvider: "FARGATE" }], networkConfiguration: SUBNETS });
    t.advance(1000);
    await page.goto(`${t.url}/_ecs-local/console/#/clusters/shop/infrastructure`);
    const fargate = page.getByRole("article", { name: "FARGATE" });
    await see(fargate.getByText("base 1, weight 1"));
    const running = (await t.ecs("DescribeTasks", { cluster: "shop", tasks: (await t.ecs("ListTasks", { cluster: "shop" })).taskArns! })).tasks!.filter((x) => x.capacityProviderName === "FARGATE" && x.lastStatus === "RUNNING").length;
    expect(running).toBe(1);
    await until("Fargate's running task is counted", async () => (await facts(page, "article[aria-labelledby='cp-FARGATE']"))["Running tasks"] === "1");
    const card = page.getByRole("article", { name: "shop-asg" });
    await see(card.getByText("Not in the default strategy"));
    expect(await facts(page, "article[aria-labelledby='cp-shop-asg']")).toMatchObject({
      "Auto Scaling group": "shop-asg",
      "Managed scaling": "ENABLED",
      "Target capacity": "90 %",
      "Scaling step": "1 to 2 instances",
      "Instance warm-up": "300 s",
      "Managed termination protection": "DISABLED",
    });
    if (noAutoScaling) {
      const e = await asg.error("DescribeAutoScalingGroups", { AutoScalingGroupNames: ["shop-asg"] });
      await see(card.locator(".form-error").getByText(`${e.code}: ${e.message}`, { exact: true }));
    }
  });

  it("shows a group provider's Auto Scaling group: sizes, instances with lifecycle state and protection, reservation", async (ctx) => {
    if (noAutoScaling) ctx.skip(noAutoScaling);
    const g = (await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: ["shop-asg"] })).AutoScalingGroups[0];
    const card = page.getByRole("article", { name: "shop-asg" });
    await until("the group's two instances are listed", async () => (await card.getByRole("table").locator("tbody tr").count()) === 2);
    expect(await facts(page, "article[aria-labelledby='cp-shop-asg']")).toMatchObject({ "Minimum / maximum": "0 / 4", "Desired capacity": "2" });
    const idle = await expectReservation("shop-asg", "0 % (0 of 2 running instances run tasks)");
    await until(`the reservation reads ${idle}`, async () => (await facts(page, "article[aria-labelledby='cp-shop-asg']")).Reservation === idle);
    for (const i of g.Instances) {
      const shown = await cells(page, "Instances of shop-asg", i.InstanceId);
      expect(shown.slice(0, 6)).toEqual([i.InstanceId, i.AvailabilityZone, "t3.medium", "InService", "Healthy", "No"]);
      expect(shown[6]).toMatch(/ACTIVE 0 running$/);
    }
    await t.ecs("RunTask", { cluster: "shop", taskDefinition: "web", capacityProviderStrategy: [{ capacityProvider: "shop-asg" }], networkConfiguration: SUBNETS });
    // ECS evaluates managed scaling once a minute.
    t.advance(viewServed ? 60_000 : 1000);
    const busy = await expectReservation("shop-asg", "50 % (1 of 2 running instances run tasks)");
    expect(busy).toMatch(/^50 % /);
    await until(`the reservation reads ${busy}`, async () => (await facts(page, "article[aria-labelledby='cp-shop-asg']")).Reservation === busy);
    await shot(page, "capacity");
  });

  it("lists a task waiting in PROVISIONING for capacity under its provider", async (ctx) => {
    if (noAutoScaling) ctx.skip(noAutoScaling);
    const group = await createGroup(asg, t, "burst-asg", 0);
    await t.ecs("CreateCapacityProvider", { name: "burst", autoScalingGroupProvider: { autoScalingGroupArn: group, managedScaling: { status: "ENABLED", targetCapacity: 100 } } });
    await t.ecs("PutClusterCapacityProviders", { cluster: "shop", capacityProviders: ["FARGATE", "shop-asg", "burst"], defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", base: 1, weight: 1 }] });
    const run = await t.ecs("RunTask", { cluster: "shop", taskDefinition: "web", capacityProviderStrategy: [{ capacityProvider: "burst" }], networkConfiguration: SUBNETS });
    const waiting = run.tasks?.find((x) => x.lastStatus === "PROVISIONING" && !x.containerInstanceArn);
    const placed = run.tasks?.[0];
    if (!waiting) ctx.skip(`this server does not hold tasks for capacity yet (RunTask ${placed ? `placed the task at once, ${placed.lastStatus} on ${placed.containerInstanceArn}` : `answered ${JSON.stringify(run.failures)}`})`);
    const id = waiting!.taskArn!.split("/").pop()!;
    const card = page.getByRole("article", { name: "burst" });
    await see(card.getByText("Waiting for capacity (1)"));
    await see(card.locator(".waiting").getByRole("link", { name: id.slice(0, 12) }));
    await shot(page, "capacity-waiting", card);
    if (!viewServed) {
      expect((await facts(page, "article[aria-labelledby='cp-burst']")).Reservation).toBe("above 100 % (no running instances, 1 task waiting)");
      return;
    }
    // ECS's next datapoint sees the waiting task with no instance running, and scales the group out.
    t.advance(60_000);
    const waitingFor = await viewedReservation(t, "burst");
    expect(waitingFor).toMatch(/^200 % \(1 needed of 0 running instances, 1 task waiting\)$/);
    await until(`the reservation reads ${waitingFor}`, async () => (await facts(page, "article[aria-labelledby='cp-burst']")).Reservation === waitingFor);
    await until("the task has left the waiting list for an instance", async () => {
      t.advance(5000);
      return (await card.getByText("Waiting for capacity (0)").count()) === 1;
    });
  });
}

/** A group of ECS-optimized instances whose user data joins cluster shop; answers its ARN once its instances are in service. */
async function createGroup(asg: QueryCaller, t: TestLocal, name: string, desired: number): Promise<string> {
  await asg.call("CreateLaunchConfiguration", { LaunchConfigurationName: name, ImageId: "ami-0fe5f366c083f59ca", InstanceType: "t3.medium", UserData: USER_DATA });
  await asg.call("CreateAutoScalingGroup", { AutoScalingGroupName: name, LaunchConfigurationName: name, MinSize: 0, MaxSize: 4, DesiredCapacity: desired, VPCZoneIdentifier: `${SUBNET_A},${SUBNET_B}` });
  await until(`${name} has ${desired} instances in service`, async () => {
    t.advance(1000);
    const g = (await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: [name] })).AutoScalingGroups[0];
    return (g.Instances ?? []).filter((i: { LifecycleState: string }) => i.LifecycleState === "InService").length === desired;
  });
  return (await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: [name] })).AutoScalingGroups[0].AutoScalingGroupARN;
}

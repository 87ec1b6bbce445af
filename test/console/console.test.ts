// The console end to end in a real browser: the lab done in the console. A cluster and two
// instances come from the API (as the agent would register them); everything else is done in the
// page, and checked both in the page and through the API. Skipped, with the reason, when Chromium
// cannot be launched. ECS_LOCAL_CONSOLE_SCREENSHOTS=docs also writes the README's screenshots.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, rows, see, shot, STEP_MS, until, type Browser } from "./browser.js";
import { ACCOUNT, REGION, registerInstance, startLiveServer, type LiveServer } from "./server.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { registerInstance as registerOn } from "../helpers/fixtures.js";
import { companionTests } from "./companions.js";

const launched = await launchChromium();
const skipped = typeof launched === "string" ? launched : undefined;
if (skipped) console.warn(`SKIPPED console browser tests: ${skipped}`);
const browser = typeof launched === "string" ? undefined : (launched as Browser);

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(skipped !== undefined)(`console in Chromium${skipped ? ` (skipped: ${skipped})` : ""}`, () => {
  let s: LiveServer;
  let page: Page;
  const instances: string[] = [];
  let stopped = "";

  beforeAll(async () => {
    s = await startLiveServer();
    await s.ecs("CreateCluster", { clusterName: "lab" });
    instances.push(await registerInstance(s, "lab", 1, `${REGION}a`), await registerInstance(s, "lab", 2, `${REGION}b`));
    page = await browser!.context.newPage();
    page.setDefaultTimeout(STEP_MS);
  });
  afterAll(async () => {
    await page?.close();
    await s?.close();
  });

  it("opens at the server's root, in the server's account and region, and lists the cluster with its counts", async () => {
    await page.goto(s.url + "/");
    expect(new URL(page.url()).pathname).toBe("/_ecs-local/console/");
    await see(page.getByRole("heading", { name: "Clusters" }));
    expect(await page.getByRole("textbox", { name: "Account", exact: true }).inputValue()).toBe(ACCOUNT);
    expect(await page.getByRole("combobox", { name: "Region", exact: true }).inputValue()).toBe(REGION);
    const row = rows(page).filter({ hasText: "lab" });
    await see(row);
    // Cluster, status, services, running, pending, container instances.
    expect((await row.locator("td").allInnerTexts()).slice(0, 6)).toEqual(["lab", "ACTIVE", "0", "0", "0", "2"]);
  });

  it("registers a task definition from the form and shows its JSON", async () => {
    await page.getByRole("link", { name: "Task definitions" }).click();
    await page.getByRole("button", { name: "Create new task definition" }).click();
    const dialog = page.getByRole("dialog", { name: "Create new task definition revision" });
    await dialog.getByLabel("Task definition family").fill("sleep360");
    await dialog.getByLabel("Name", { exact: true }).fill("sleep");
    await dialog.getByLabel("Image", { exact: true }).fill("busybox");
    await dialog.getByLabel("CPU units").fill("256");
    await dialog.getByLabel("Memory hard limit (MiB)").fill("512");
    await dialog.getByLabel("Environment").fill("MODE=lab");
    await dialog.getByRole("button", { name: "Register" }).click();
    await see(page.getByRole("heading", { name: "sleep360:1" }));
    await see(page.locator("pre.json", { hasText: '"image": "busybox"' }));
    const td = await s.ecs("DescribeTaskDefinition", { taskDefinition: "sleep360:1" });
    expect(td.taskDefinition!.containerDefinitions![0]).toMatchObject({ name: "sleep", image: "busybox", cpu: 256, memory: 512, environment: [{ name: "MODE", value: "lab" }] });
    await shot(page, "task-definition");
  });

  it("registers a revision from pasted JSON and deregisters it", async () => {
    await page.getByRole("button", { name: "Create new revision" }).click();
    const dialog = page.getByRole("dialog", { name: "Create new task definition revision" });
    await dialog.getByLabel("JSON", { exact: true }).check();
    await dialog.getByLabel("Task definition JSON").fill(JSON.stringify({ family: "sleep360", containerDefinitions: [{ name: "sleep", image: "busybox:1.36", memory: 128 }] }));
    await dialog.getByRole("button", { name: "Register" }).click();
    await see(page.getByRole("heading", { name: "sleep360:2" }));
    await page.getByRole("button", { name: "Deregister sleep360:2" }).click();
    await page.getByRole("dialog", { name: "Deregister sleep360:2?" }).getByRole("button", { name: "Deregister" }).click();
    await see(rows(page).filter({ hasText: "sleep360:2" }).getByText("INACTIVE"));
    expect((await s.ecs("DescribeTaskDefinition", { taskDefinition: "sleep360:2" })).taskDefinition!.status).toBe("INACTIVE");
  });

  it("runs 2 tasks and shows one on each instance", async () => {
    await page.getByRole("link", { name: "Clusters" }).first().click();
    await page.getByRole("link", { name: "lab", exact: true }).click();
    await page.getByRole("button", { name: "Run new task" }).click();
    const dialog = page.getByRole("dialog", { name: "Run new task" });
    expect(await dialog.getByLabel("Task definition").inputValue()).toBe("sleep360:1");
    await dialog.getByLabel("Number of tasks").fill("2");
    await dialog.getByLabel("Placement strategy").selectOption({ label: "Spread across instances" });
    await dialog.getByRole("button", { name: "Run task" }).click();
    await see(page.getByRole("status").filter({ hasText: "Started 2 tasks" }));

    await page.getByRole("link", { name: "Tasks", exact: true }).click();
    await until("two tasks are RUNNING in the Tasks tab", async () => (await rows(page).filter({ hasText: "RUNNING" }).count()) === 2);
    await page.getByRole("link", { name: "Infrastructure" }).click();
    for (const arn of instances) {
      const id = arn.split("/").pop()!;
      const card = page.getByRole("article", { name: id });
      await see(card.getByText("Tasks on this instance (1)"));
      // The task the page shows on this instance is the one the API places there.
      const onIt = await s.ecs("ListTasks", { cluster: "lab", containerInstance: id });
      expect(onIt.taskArns).toHaveLength(1);
      await see(card.getByRole("link", { name: onIt.taskArns![0].split("/").pop()!.slice(0, 12) }));
      await see(card.getByText("256 / 2048 units used · 1792 remaining"));
      // Registered by hand: EC2 has no instance with the identity document's id, and the card says so.
      const ec2Id = (await s.ecs("DescribeContainerInstances", { cluster: "lab", containerInstances: [id] })).containerInstances![0].ec2InstanceId!;
      await see(card.locator(".ec2").getByText(`No EC2 instance behind this container instance: EC2 has no instance ${ec2Id} in this account and region.`, { exact: false }));
    }
    await shot(page, "infrastructure");
  });

  it("creates a DAEMON service that runs one task on each instance", async () => {
    await page.getByRole("button", { name: "Create service" }).click();
    const dialog = page.getByRole("dialog", { name: "Create service" });
    await dialog.getByLabel("Service name").fill("agent");
    await dialog.getByLabel("Daemon").check();
    expect(await dialog.getByLabel("Desired tasks").isDisabled()).toBe(true);
    await dialog.getByRole("button", { name: "Create" }).click();
    await see(page.getByRole("status").filter({ hasText: "Service agent created (DAEMON)" }));
    await page.getByRole("link", { name: "Services", exact: true }).click();
    const row = rows(page).filter({ hasText: "agent" });
    await until("the daemon runs 2 tasks", async () => {
      const cells = await row.locator("td").allInnerTexts();
      return cells[2] === "DAEMON" && cells[5] === "2" && cells[6] === "2";
    });
  });

  it("shows the service's deployment, tasks and events", async () => {
    await page.getByRole("link", { name: "agent", exact: true }).click();
    await see(page.getByRole("heading", { name: "Service agent" }));
    const deployments = page.getByRole("table", { name: "Deployments" });
    await see(deployments.getByText("COMPLETED"));
    await see(page.getByRole("table", { name: "Events, newest first" }).getByText("(service agent) has reached a steady state.").first());
    await until("the service page lists its 2 tasks", async () => (await page.getByRole("table", { name: "Tasks of the service" }).locator("tbody tr").count()) === 2);
    await shot(page, "service");
    await page.getByRole("link", { name: "lab", exact: true }).click();
  });

  it("stops a daemon task in the page and watches the service start its replacement", async () => {
    await page.getByRole("link", { name: "Tasks", exact: true }).click();
    const service = page.getByLabel("Service", { exact: true });
    await until("the service filter offers agent", async () => (await service.locator("option", { hasText: "agent" }).count()) === 1);
    await service.selectOption("agent");
    await until("the filter shows the daemon's 2 tasks", async () => (await rows(page).count()) === 2 && (await rows(page).filter({ hasText: "service:agent" }).count()) === 2);
    const stop = page.getByRole("button", { name: /^Stop task / }).first();
    stopped = (await stop.getAttribute("aria-label"))!.replace("Stop task ", "");
    await stop.click();
    const dialog = page.getByRole("dialog", { name: /^Stop task/ });
    await see(dialog.getByText("the service starts a replacement"));
    await dialog.getByRole("button", { name: "Stop" }).click();
    await see(page.getByRole("status").filter({ hasText: "is stopping" }));
    await until("a replacement runs and the stopped task has left the running list", async () => {
      const labels = await page.getByRole("button", { name: /^Stop task / }).evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
      const running = await rows(page).filter({ hasText: "RUNNING" }).count();
      return labels.length === 2 && !labels.includes(`Stop task ${stopped}`) && running === 2;
    });
    const svc = await s.ecs("DescribeServices", { cluster: "lab", services: ["agent"] });
    expect(svc.services![0].runningCount).toBe(2);
    const gone = await s.ecs("DescribeTasks", { cluster: "lab", tasks: [stopped] });
    expect(gone.tasks![0]).toMatchObject({ desiredStatus: "STOPPED", stopCode: "UserInitiated" });

    await page.getByLabel("Desired status").selectOption("ALL");
    const row = rows(page).filter({ hasText: stopped.slice(0, 12) });
    await see(row.getByText("UserInitiated"));
    await until("the stopped task is listed beside the 2 running ones", async () => (await rows(page).count()) === 3);
    await shot(page, "tasks");

    await page.getByRole("link", { name: "Events" }).click();
    await see(rows(page).filter({ hasText: "(service agent) has started 1 tasks" }));
  });

  it("creates a REPLICA service, changes its desired count and deletes it", async () => {
    await page.getByRole("link", { name: "Services", exact: true }).click();
    await page.getByRole("button", { name: "Create service" }).click();
    const create = page.getByRole("dialog", { name: "Create service" });
    await create.getByLabel("Service name").fill("web");
    await create.getByLabel("Desired tasks").fill("1");
    await create.getByRole("button", { name: "Create" }).click();
    const row = rows(page).filter({ hasText: "web" });
    const counts = async () => (await row.locator("td").allInnerTexts()).slice(5, 7).join("/");
    await until("web runs its 1 task", async () => (await counts()) === "1/1");
    await page.getByRole("button", { name: "Update service web" }).click();
    const update = page.getByRole("dialog", { name: "Update service web" });
    await update.getByLabel("Desired tasks").fill("2");
    await update.getByRole("button", { name: "Update" }).click();
    await until("web runs 2 tasks", async () => (await counts()) === "2/2");
    expect((await s.ecs("DescribeServices", { cluster: "lab", services: ["web"] })).services![0].desiredCount).toBe(2);
    await page.getByRole("button", { name: "Delete service web" }).click();
    await page.getByRole("dialog", { name: "Delete service web?" }).getByRole("button", { name: "Delete" }).click();
    await until("web is no longer ACTIVE", async () => {
      const shown = await row.allInnerTexts();
      return shown.length === 0 || !/\bACTIVE\b/.test(shown[0]);
    });
    expect((await s.ecs("DescribeServices", { cluster: "lab", services: ["web"] })).services![0].status).not.toBe("ACTIVE");
  });

  it("shows the API's own error when the API refuses an action, and changes nothing", async () => {
    await page.getByRole("button", { name: "Run new task" }).click();
    const dialog = page.getByRole("dialog", { name: "Run new task" });
    await dialog.getByLabel("Number of tasks").fill("11");
    await dialog.getByRole("button", { name: "Run task" }).click();
    const refused = await s.call("RunTask", { cluster: "lab", taskDefinition: "sleep360:1", launchType: "EC2", count: 11 });
    expect(refused.status).toBe(400);
    await see(dialog.getByRole("alert").filter({ hasText: `${refused.body.__type}: ${refused.body.message}` }));
    await shot(page, "error");
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("button", { name: "Delete cluster" }).click();
    const del = page.getByRole("dialog", { name: "Delete cluster lab?" });
    await del.getByRole("button", { name: "Delete" }).click();
    const kept = await s.call("DeleteCluster", { cluster: "lab" });
    expect(kept.status).toBe(400);
    await see(del.getByRole("alert").filter({ hasText: `${kept.body.__type}: ${kept.body.message}` }));
    await del.getByRole("button", { name: "Cancel" }).click();
    const after = await s.ecs("ListTasks", { cluster: "lab" });
    expect(after.taskArns).toHaveLength(4);
  });

  it("drains a container instance and sets it active again", async () => {
    await page.getByRole("link", { name: "Infrastructure" }).click();
    const id = instances[0].split("/").pop()!;
    const card = page.getByRole("article", { name: id });
    await page.getByRole("button", { name: `Drain container instance ${id}` }).click();
    await see(card.locator(".badge", { hasText: "DRAINING" }));
    const ci = await s.ecs("DescribeContainerInstances", { cluster: "lab", containerInstances: [id] });
    expect(ci.containerInstances![0].status).toBe("DRAINING");
    await page.getByRole("button", { name: `Set active container instance ${id}` }).click();
    await see(card.locator(".badge", { hasText: /^ACTIVE$/ }));
  });

  it("follows the account and region chosen in the page", async () => {
    await page.getByRole("link", { name: "Clusters" }).first().click();
    await page.getByRole("textbox", { name: "Account", exact: true }).fill("210987654321");
    await page.getByRole("button", { name: "Switch" }).click();
    await see(page.getByText("No clusters in eu-west-1 for account 210987654321."));
    await page.getByRole("textbox", { name: "Account", exact: true }).fill(ACCOUNT);
    await page.getByRole("button", { name: "Switch" }).click();
    await see(rows(page).filter({ hasText: "lab" }));
    await shot(page, "clusters");
  });

  it("creates a cluster with the keyboard alone; Escape closes a dialog unchanged", async () => {
    await page.getByRole("button", { name: "Create cluster" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Create cluster" });
    await see(dialog);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await page.keyboard.press("Enter");
    await see(dialog);
    // The dialog opens with the focus in its first field; Enter submits.
    await page.keyboard.type("keys");
    await page.keyboard.press("Enter");
    await see(page.getByRole("heading", { name: "Cluster keys" }));
    const c = await s.ecs("DescribeClusters", { clusters: ["keys"] });
    expect(c.clusters![0].status).toBe("ACTIVE");
  });
});

// With lifecycle durations and a clock the test moves, the page is seen following one task through
// its states without being reloaded: what a user watches with ECS_LOCAL_*_MS set.
describe.skipIf(skipped !== undefined)(`console in Chromium, live${skipped ? ` (skipped: ${skipped})` : ""}`, () => {
  let t: TestLocal;
  let page: Page;
  beforeAll(async () => {
    t = await startLocal({ timings: { provisioningMs: 60_000, pendingMs: 60_000, activatingMs: 0, deactivatingMs: 60_000, stoppingMs: 0, deprovisioningMs: 0, serviceDrainMs: 0 } });
    await t.ecs("CreateCluster", { clusterName: "live" });
    await registerOn(t, "live", "us-east-1a");
    await t.ecs("RegisterTaskDefinition", { family: "watch", containerDefinitions: [{ name: "app", image: "busybox", memory: 64 }] });
    page = await browser!.context.newPage();
    page.setDefaultTimeout(STEP_MS);
  });
  afterAll(async () => {
    await page?.close();
    await t?.close();
  });

  it("shows a task move PENDING → RUNNING → DEACTIVATING → STOPPED as time passes, and holds still while paused", async () => {
    // The test server's default account and region: what a non-numeric access key lands in.
    await page.goto(`${t.url}/_ecs-local/console/#/clusters/live/tasks`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    const { tasks } = await t.ecs("RunTask", { cluster: "live", taskDefinition: "watch" });
    const id = tasks![0].taskArn!.split("/").pop()!;
    await page.getByLabel("Desired status").selectOption("ALL");
    const row = rows(page).filter({ hasText: id.slice(0, 12) });
    const status = (s: string) => see(row.locator(".badge", { hasText: new RegExp(`^${s}$`) }));
    // A bridge-mode task needs no ENI, so ECS shows it PENDING first (PROVISIONING is for awsvpc).
    await status("PENDING");
    t.advance(60_000);
    await status("RUNNING");
    // Paused, the page keeps what it showed while the task moves on.
    await page.getByRole("button", { name: "Pause live updates" }).click();
    await see(page.getByText("Paused"));
    await t.ecs("StopTask", { cluster: "live", task: id });
    await page.waitForTimeout(2500);
    await status("RUNNING");
    await page.getByRole("button", { name: "Resume live updates" }).click();
    await status("DEACTIVATING");
    t.advance(60_000);
    await status("STOPPED");
    await see(row.getByText("UserInitiated"));
  });
});

describe.skipIf(skipped !== undefined)(`console in Chromium, EC2, ELBv2 and Logs${skipped ? ` (skipped: ${skipped})` : ""}`, () => {
  companionTests(() => browser!);
});

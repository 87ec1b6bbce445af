// The console's Stacks pages in Chromium: the list with statuses, a stack's events, its resources
// linked to their pages in the console, its outputs, its parameters with NoEcho ones masked, and a
// failed stack's reasons in the owning service's words. Skipped, with the reason, on a server that
// does not serve CloudFormation yet. Called from services.test.ts, which owns the browser and the server.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cells, rows, see, shot, STEP_MS, until, type Browser } from "./browser.js";
import type { TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { SUBNET_A } from "../helpers/fixtures.js";

const SECRET = "pw-NOECHO-VALUE";

const TEMPLATE = {
  Description: "The shop's cluster and its configuration",
  Parameters: {
    Flag: { Type: "String", Default: "on" },
    DbPassword: { Type: "String", NoEcho: true, Default: SECRET },
  },
  Resources: {
    Cluster: { Type: "AWS::ECS::Cluster" },
    Web: { Type: "AWS::ECS::TaskDefinition", Properties: { Family: "stack-web", RequiresCompatibilities: ["FARGATE"], NetworkMode: "awsvpc", Cpu: "256", Memory: "512", ContainerDefinitions: [{ Name: "app", Image: "nginx" }] } },
    Service: {
      Type: "AWS::ECS::Service",
      Properties: { Cluster: { Ref: "Cluster" }, TaskDefinition: { Ref: "Web" }, DesiredCount: 1, LaunchType: "FARGATE", NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [SUBNET_A] } } },
    },
    FlagParameter: { Type: "AWS::SSM::Parameter", Properties: { Name: "/stack/flag", Type: "String", Value: { Ref: "Flag" } } },
    Logs: { Type: "AWS::Logs::LogGroup", Properties: { LogGroupName: "/stack/web" } },
  },
  Outputs: { ClusterName: { Value: { Ref: "Cluster" }, Description: "The cluster", Export: { Name: "shop-cluster" } } },
};

const BROKEN = { Resources: { Reserved: { Type: "AWS::SSM::Parameter", Properties: { Name: "/aws/mine", Type: "String", Value: "x" } } } };


export function stackTests(browser: () => Browser, server: () => TestLocal): void {
  let t: TestLocal;
  let cf: QueryCaller;
  let page: Page;
  let missing: string | undefined;

  beforeAll(async () => {
    t = server();
    cf = queryCaller(t, "cloudformation");
    const probe = await cf.raw({ Action: "ListStacks", Version: "2010-05-15" });
    if (probe.status !== 200) missing = `this server does not serve CloudFormation yet (${/<Message>([^<]*)/.exec(probe.text)?.[1] ?? probe.status})`;
    page = await browser().context.newPage();
    page.setDefaultTimeout(STEP_MS);
  });
  afterAll(async () => {
    await page?.close();
  });

  it("lists stacks with their status, and shows a stack's events and its resources linked to their pages", async (ctx) => {
    if (missing) ctx.skip(missing);
    await cf.call("CreateStack", { StackName: "shop", TemplateBody: JSON.stringify(TEMPLATE) });
    await until("the stack is created", async () => {
      t.advance(1000);
      return (await cf.call("DescribeStacks", { StackName: "shop" })).Stacks[0].StackStatus === "CREATE_COMPLETE";
    });
    await page.goto(`${t.url}/_ecs-local/console/#/stacks`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await see(rows(page).filter({ hasText: "shop" }));
    expect((await cells(page, "Stacks", "shop")).slice(0, 2)).toEqual(["shop", "CREATE_COMPLETE"]);
    await page.getByRole("link", { name: "shop", exact: true }).click();
    await see(page.getByRole("heading", { name: "Stack shop" }));
    const events = (await cf.call("DescribeStackEvents", { StackName: "shop" })).StackEvents;
    const table = page.getByRole("table", { name: "Stack events, newest first" });
    await until("every event is listed", async () => (await table.locator("tbody tr").count()) === events.length);
    // Newest first, as CloudFormation answers them: the stack's own CREATE_COMPLETE on top.
    expect((await table.locator("tbody tr").first().locator("td").allInnerTexts()).slice(1, 3)).toEqual(["shop", "CREATE_COMPLETE"]);
    expect(events[0]).toMatchObject({ LogicalResourceId: "shop", ResourceStatus: "CREATE_COMPLETE" });
    await shot(page, "stack-events");

    await page.getByRole("navigation", { name: "Stack sections" }).getByRole("link", { name: "Resources" }).click();
    const resources = (await cf.call("ListStackResources", { StackName: "shop" })).StackResourceSummaries;
    const id = (logical: string) => resources.find((r: { LogicalResourceId: string }) => r.LogicalResourceId === logical).PhysicalResourceId as string;
    const resourceTable = page.getByRole("table", { name: "Stack resources" });
    await see(resourceTable.getByText(id("Cluster"), { exact: true }));
    expect(await resourceTable.getByRole("link", { name: id("Cluster"), exact: true }).getAttribute("href")).toBe(`#/clusters/${encodeURIComponent(id("Cluster"))}/services`);
    expect(await resourceTable.getByRole("link", { name: id("Web") }).getAttribute("href")).toBe("#/task-definitions/stack-web/1");
    // The service's physical id is its ARN, arn:aws:ecs:…:service/<cluster>/<service>.
    const [, clusterName, serviceName] = id("Service").split(":").pop()!.split("/");
    expect(clusterName).toBe(id("Cluster"));
    expect(await resourceTable.getByRole("link", { name: id("Service") }).getAttribute("href")).toBe(`#/clusters/${encodeURIComponent(clusterName)}/services/${encodeURIComponent(serviceName)}`);
    expect(await resourceTable.getByRole("link", { name: "/stack/flag" }).getAttribute("href")).toBe(`#/parameters/${encodeURIComponent("/stack/flag")}`);
    // No page in the console for a log group: its id is shown, unlinked.
    expect(await resourceTable.getByRole("link", { name: "/stack/web" }).count()).toBe(0);
    await see(resourceTable.getByText("/stack/web", { exact: true }));
    await shot(page, "stack-resources");
    await resourceTable.getByRole("link", { name: id("Cluster"), exact: true }).click();
    await see(page.getByRole("heading", { name: `Cluster ${id("Cluster")}` }));
  });

  it("shows a stack's outputs, and its parameters with the NoEcho one masked as CloudFormation masks it", async (ctx) => {
    if (missing) ctx.skip(missing);
    const stack = (await cf.call("DescribeStacks", { StackName: "shop" })).Stacks[0];
    await page.goto(`${t.url}/_ecs-local/console/#/stacks/shop/outputs`);
    await see(page.getByRole("table", { name: "Outputs" }).getByText("shop-cluster"));
    expect(await cells(page, "Outputs", "ClusterName")).toEqual(["ClusterName", stack.Outputs[0].OutputValue, "The cluster", "shop-cluster"]);
    await page.getByRole("navigation", { name: "Stack sections" }).getByRole("link", { name: "Parameters" }).click();
    await see(page.getByRole("table", { name: "Parameters" }).getByText("DbPassword"));
    const masked = stack.Parameters.find((p: { ParameterKey: string }) => p.ParameterKey === "DbPassword").ParameterValue;
    expect(masked).toBe("****");
    expect((await cells(page, "Parameters", "DbPassword")).slice(0, 2)).toEqual(["DbPassword", masked]);
    expect((await cells(page, "Parameters", "Flag")).slice(0, 2)).toEqual(["Flag", "on"]);
    expect(await page.content()).not.toContain(SECRET);
  });

  it("shows a failed stack's reasons in the owning service's words", async (ctx) => {
    if (missing) ctx.skip(missing);
    await cf.call("CreateStack", { StackName: "broken", TemplateBody: JSON.stringify(BROKEN) });
    await until("the stack has rolled back", async () => {
      t.advance(1000);
      return (await cf.call("DescribeStacks", { StackName: "broken" })).Stacks[0].StackStatus === "ROLLBACK_COMPLETE";
    });
    const failed = (await cf.call("DescribeStackEvents", { StackName: "broken" })).StackEvents.find((e: { ResourceStatus: string }) => e.ResourceStatus === "CREATE_FAILED");
    await page.goto(`${t.url}/_ecs-local/console/#/stacks/broken/events`);
    await see(page.locator(".summary .badge", { hasText: "ROLLBACK_COMPLETE" }));
    const row = page.getByRole("table", { name: "Stack events, newest first" }).locator("tbody tr").filter({ hasText: "CREATE_FAILED" }).first();
    await see(row);
    expect((await row.locator("td").allInnerTexts()).slice(1, 5)).toEqual([failed.LogicalResourceId, "CREATE_FAILED", failed.ResourceStatusReason, "AWS::SSM::Parameter"]);
  });
}

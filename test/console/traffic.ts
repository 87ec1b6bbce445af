// The console's traffic pages in Chromium: a load balancer's listeners with the URL that reaches
// them here (and why there is no loopback one), its rules, and its targets' health with AWS's
// reasons; a Cloud Map namespace's services and instances with their attributes and health.
// Called from services.test.ts, which owns the browser and the server.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { rows, see, STEP_MS, type Browser } from "./browser.js";
import type { TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { jsonCalls } from "../helpers/json.js";
import { SUBNET_A, SUBNET_B } from "../helpers/fixtures.js";
import { defaultVpcId } from "../../src/services/ec2/domain/network.js";

/** The cells of a table's first row holding `row`, once that row is shown (the page fills its tables as their answers arrive). */
const cells = async (page: Page, table: string, row: string) => {
  const tr = page.getByRole("table", { name: table }).locator("tbody tr").filter({ hasText: row }).first();
  await see(tr);
  return tr.locator("td").allInnerTexts();
};

export function trafficTests(browser: () => Browser, server: () => TestLocal): void {
  let t: TestLocal;
  let elb: QueryCaller;
  let page: Page;

  beforeAll(async () => {
    t = server();
    elb = queryCaller(t, "elbv2");
    page = await browser().context.newPage();
    page.setDefaultTimeout(STEP_MS);
  });
  afterAll(async () => {
    await page?.close();
  });

  it("shows a load balancer's listener with the URL that reaches it, its rules, and its targets' health with reasons", async () => {
    const instance = (await queryCaller(t, "ec2").call("RunInstances", { ImageId: "ami-0123456789abcdef0", InstanceType: "t3.micro", MinCount: 1, MaxCount: 1 })).Instances[0].InstanceId;
    const lb = (await elb.call("CreateLoadBalancer", { Name: "shop", Subnets: [SUBNET_A, SUBNET_B] })).LoadBalancers[0].LoadBalancerArn;
    const tg = (await elb.call("CreateTargetGroup", { Name: "shop-web", Protocol: "HTTP", Port: 80, VpcId: defaultVpcId("000000000000", "us-east-1") })).TargetGroups[0].TargetGroupArn;
    const listener = (await elb.call("CreateListener", { LoadBalancerArn: lb, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: tg }] })).Listeners[0].ListenerArn;
    await elb.call("CreateRule", { ListenerArn: listener, Priority: 10, Conditions: [{ Field: "path-pattern", Values: ["/api/*"] }], Actions: [{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "200", MessageBody: "api" } }] });
    await elb.call("RegisterTargets", { TargetGroupArn: tg, Targets: [{ Id: instance, Port: 80 }, { Id: instance, Port: 81 }] });
    t.advance(0);
    t.advance(0);
    const marked = await fetch(`${t.url}/_ecs-local/target-health`, { method: "POST", body: JSON.stringify({ targetGroupArn: tg, id: instance, port: 81, state: "unhealthy", reason: "Target.ResponseCodeMismatch" }) });
    expect(marked.status).toBe(200);

    await page.goto(`${t.url}/_ecs-local/console/#/load-balancers`);
    await see(rows(page).filter({ hasText: "shop" }));
    expect((await cells(page, "Load balancers", "shop")).slice(0, 2)).toEqual(["shop", "application"]);
    await page.getByRole("link", { name: "shop", exact: true }).click();
    await see(page.getByRole("heading", { name: "Load balancer shop" }));
    const port = new URL(t.url).port;
    const [protocol, reached] = await cells(page, "Listeners", "HTTP : 80");
    expect(protocol).toBe("HTTP : 80");
    expect(reached).toContain(`http://shop.elb.localhost:${port}/`);
    expect(reached).toContain("loopback listeners are off (--elb-port-offset off)");
    expect((await cells(page, "Rules of HTTP : 80", "/api/*"))[0]).toBe("10");
    await see(page.getByRole("table", { name: "Targets of shop-web" }).getByText("Target.ResponseCodeMismatch"));
    const targets = await page.getByRole("table", { name: "Targets of shop-web" }).locator("tbody tr").allInnerTexts();
    expect(targets.map((r) => r.replace(/\s+/g, " ").trim()).sort()).toEqual([
      `${instance} 80 — healthy`,
      `${instance} 81 — unhealthy Target.ResponseCodeMismatch Health checks failed with these codes: [500]`,
    ]);
  });

  it("shows a namespace's services with their records and every instance with its attributes and health", async () => {
    const sd = jsonCalls(t, "servicediscovery");
    const ns = (await sd.call("GetOperation", { OperationId: (await sd.call("CreatePrivateDnsNamespace", { Name: "shop.local", Vpc: defaultVpcId("000000000000", "us-east-1") })).OperationId })).Operation.Targets.NAMESPACE;
    const svc = (await sd.call("CreateService", { Name: "api", NamespaceId: ns, DnsConfig: { DnsRecords: [{ Type: "A", TTL: 10 }] }, HealthCheckCustomConfig: {} })).Service.Id;
    await sd.call("RegisterInstance", { ServiceId: svc, InstanceId: "one", Attributes: { AWS_INSTANCE_IPV4: "10.0.0.1" } });
    await sd.call("RegisterInstance", { ServiceId: svc, InstanceId: "two", Attributes: { AWS_INSTANCE_IPV4: "10.0.0.2" } });
    await sd.call("UpdateInstanceCustomHealthStatus", { ServiceId: svc, InstanceId: "two", Status: "UNHEALTHY" });

    await page.goto(`${t.url}/_ecs-local/console/#/namespaces`);
    await see(rows(page).filter({ hasText: "shop.local" }));
    expect((await cells(page, "Namespaces", "shop.local")).slice(0, 4)).toEqual(["shop.local", "DNS_PRIVATE", "1", ns]);
    await page.getByRole("link", { name: "shop.local", exact: true }).click();
    await see(page.getByRole("heading", { name: "Service api.shop.local" }));
    await see(page.getByText("Records: A (TTL 10); health: custom"));
    expect((await cells(page, "Instances of api", "one")).map((c) => c.replace(/\s+/g, " ").trim())).toEqual(["one", "HEALTHY", "AWS_INSTANCE_IPV4 10.0.0.1"]);
    expect((await cells(page, "Instances of api", "two"))[1]).toBe("UNHEALTHY");
  });
}

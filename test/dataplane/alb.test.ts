// The ELBv2 data plane with targets on this machine: an EC2 instance registered as an ECS container
// instance of a runtime whose engine is local (a stand-in for the Docker runtime: nothing runs, but
// its instances' host ports are the loopback's), its "host ports" answered by HTTP servers of this
// file. Covered: listeners served on their loopback port and by Host, rules, round robin,
// weights, stickiness, the headers an ALB adds, its error pages, real health checks and NLB TCP.
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import { createServer as createTcpServer, connect, type Server as TcpServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { SUBNET_A, SUBNET_B } from "../helpers/fixtures.js";
import { defaultVpcId } from "../../src/services/ec2/domain/network.js";
import { until } from "../helpers/docker.js";
import type { ContainerRuntime } from "../../src/runtime/runtime.js";

/** Runs nothing; its instances' engine is this machine's, so their host ports are the loopback's. */
const localEngine: ContainerRuntime = {
  kind: "docker",
  holds: () => false,
  start() {},
  stop() {},
  endpointOf: () => "unix:///nonexistent/docker.sock",
  reset: async () => {},
  close: async () => {},
};

const VPC = defaultVpcId("000000000000", "us-east-1");
/** A high offset of this run's own, so parallel runs rarely meet; listener ports below 1024 land at port + OFFSET. */
const OFFSET = 20_000 + Math.floor(Math.random() * 20_000);

interface Backend {
  name: string;
  port: number;
  server: Server;
  healthCode: number;
  seen: IncomingMessage[];
  /** Answers nothing for requests to /slow. */
}

async function backend(name: string): Promise<Backend> {
  const b = { name, healthCode: 200, seen: [] as IncomingMessage[] } as Backend;
  b.server = createServer((req, res) => {
    if (req.url === "/health") {
      res.writeHead(b.healthCode).end();
      return;
    }
    if (req.url === "/slow") return; // never answers
    b.seen.push(req);
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ from: name, url: req.url, headers: req.headers }));
  });
  await new Promise<void>((r) => b.server.listen(0, "127.0.0.1", r));
  b.port = (b.server.address() as AddressInfo).port;
  return b;
}

/** A raw HTTP GET (fetch cannot set Host). */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingMessage["headers"]; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

let t: TestLocal;
let elb: QueryCaller;
let a: Backend;
let b: Backend;
let lbArn = "";
let listenerArn = "";
let tgArn = "";
let instance = "";
const own = () => Number(new URL(t.url).port);

async function healthOf(arn: string): Promise<Record<string, any>> {
  const out = (await elb.call("DescribeTargetHealth", { TargetGroupArn: arn })).TargetHealthDescriptions;
  return Object.fromEntries(out.map((d: any) => [String(d.Target.Port), d.TargetHealth]));
}

beforeAll(async () => {
  [a, b] = await Promise.all([backend("a"), backend("b")]);
  t = await startLocal({ elbPortOffset: OFFSET }, { runtime: localEngine });
  t.local.dataplane.servedAt(own());
  elb = queryCaller(t, "elbv2");
  instance = (await queryCaller(t, "ec2").call("RunInstances", { ImageId: "ami-0123456789abcdef0", InstanceType: "t3.micro", MinCount: 1, MaxCount: 1 })).Instances[0].InstanceId;
  await t.ecs("CreateCluster", { clusterName: "local" });
  await t.ecs("RegisterContainerInstance", { cluster: "local", instanceIdentityDocument: JSON.stringify({ instanceId: instance, instanceType: "t3.micro", availabilityZone: "us-east-1a" }) });
  lbArn = (await elb.call("CreateLoadBalancer", { Name: "web", Subnets: [SUBNET_A, SUBNET_B] })).LoadBalancers[0].LoadBalancerArn;
  tgArn = (await elb.call("CreateTargetGroup", { Name: "web", Protocol: "HTTP", Port: 80, VpcId: VPC, TargetType: "instance", HealthCheckPath: "/health", HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2 })).TargetGroups[0].TargetGroupArn;
  listenerArn = (await elb.call("CreateListener", { LoadBalancerArn: lbArn, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: tgArn }] })).Listeners[0].ListenerArn;
  await elb.call("RegisterTargets", { TargetGroupArn: tgArn, Targets: [{ Id: instance, Port: a.port }, { Id: instance, Port: b.port }] });
}, 30_000);

afterAll(async () => {
  await t?.close();
  a?.server.close();
  b?.server.close();
});

describe("an ALB's HTTP listener", () => {
  it("checks its targets for real: initial, then healthy after the healthy threshold", async () => {
    const first = await healthOf(tgArn);
    expect(first[a.port]).toEqual({ State: "initial", Reason: "Elb.RegistrationInProgress", Description: "Target registration is in progress" });
    const now = await until("both targets healthy", async () => {
      const h = await healthOf(tgArn);
      return h[a.port].State === "healthy" && h[b.port].State === "healthy" ? h : undefined;
    }, 15_000, 50);
    expect(now[a.port]).toEqual({ State: "healthy" });
    expect(a.server.listening).toBe(true);
  }, 20_000);

  it("is served on its loopback port and by Host through ecs-local's port, in turn over its targets, with ALB's headers", async () => {
    const local = [await get(80 + OFFSET, "/x?y=1"), await get(80 + OFFSET, "/x?y=1")];
    expect(local.map((r) => r.status)).toEqual([200, 200]);
    expect(new Set(local.map((r) => JSON.parse(r.body).from))).toEqual(new Set(["a", "b"]));
    const seen = JSON.parse(local[0].body);
    expect(seen.url).toBe("/x?y=1");
    expect(seen.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen.headers["x-forwarded-proto"]).toBe("http");
    expect(seen.headers["x-forwarded-port"]).toBe("80");
    expect(seen.headers["x-amzn-trace-id"]).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    const byHost = await get(own(), "/", { Host: `web.elb.localhost:${own()}` });
    expect(JSON.parse(byHost.body).from).toMatch(/^[ab]$/);
    const dns = (await elb.call("DescribeLoadBalancers", { LoadBalancerArns: [lbArn] })).LoadBalancers[0].DNSName;
    expect(JSON.parse((await get(own(), "/", { Host: dns })).body).from).toMatch(/^[ab]$/);
    expect((await get(own(), "/", { Host: "nothing.elb.localhost" })).status).toBe(404);
    const urls = (await (await fetch(`${t.url}/_ecs-local/elb/listeners`)).json()).listeners;
    expect(urls).toEqual([
      { accountId: "000000000000", region: "us-east-1", loadBalancerArn: lbArn, loadBalancerName: "web", listenerArn, protocol: "HTTP", port: 80, localUrl: `http://127.0.0.1:${80 + OFFSET}/`, hostUrl: `http://web.elb.localhost:${own()}/` },
    ]);
  });

  it("routes by its rules in priority order: path, host, header, method, query string, source IP; fixed responses and redirects", async () => {
    const rule = async (priority: number, Conditions: unknown[], Actions: unknown[]) => elb.call("CreateRule", { ListenerArn: listenerArn, Priority: priority, Conditions, Actions });
    const fixed = (text: string) => [{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "200", ContentType: "text/plain", MessageBody: text } }];
    await rule(10, [{ Field: "path-pattern", PathPatternConfig: { Values: ["/api/*"] } }], fixed("api"));
    await rule(5, [{ Field: "path-pattern", PathPatternConfig: { Values: ["/api/v2/*"] } }], fixed("api v2"));
    await rule(20, [{ Field: "host-header", HostHeaderConfig: { Values: ["*.example.com"] } }], fixed("example"));
    await rule(30, [{ Field: "http-header", HttpHeaderConfig: { HttpHeaderName: "X-Beta", Values: ["y?s"] } }], fixed("beta"));
    await rule(40, [{ Field: "http-request-method", HttpRequestMethodConfig: { Values: ["DELETE"] } }], fixed("delete"));
    await rule(50, [{ Field: "query-string", QueryStringConfig: { Values: [{ Key: "v", Value: "2*" }] } }], fixed("query"));
    await rule(60, [{ Field: "source-ip", SourceIpConfig: { Values: ["127.0.0.0/8"] } }, { Field: "path-pattern", PathPatternConfig: { Values: ["/local"] } }], fixed("loopback"));
    await rule(70, [{ Field: "path-pattern", PathPatternConfig: { Values: ["/old"] } }], [{ Type: "redirect", RedirectConfig: { Path: "/new", StatusCode: "HTTP_301" } }]);
    const port = 80 + OFFSET;
    expect((await get(port, "/api/x")).body).toBe("api");
    expect((await get(port, "/api/v2/x")).body).toBe("api v2");
    expect((await get(port, "/API/x")).body).not.toBe("api");
    expect((await get(port, "/", { Host: "shop.EXAMPLE.com" })).body).toBe("example");
    expect((await get(port, "/", { "X-Beta": "YES" })).body).toBe("beta");
    expect((await get(port, "/?v=21")).body).toBe("query");
    expect((await get(port, "/local")).body).toBe("loopback");
    const moved = await get(port, "/old?q=1", { Host: "shop.test" });
    expect([moved.status, moved.headers.location, moved.headers.server]).toEqual([301, `http://shop.test:${port}/new?q=1`, "awselb/2.0"]);
    const del = await new Promise<string>((resolve) => {
      const req = request({ host: "127.0.0.1", port, path: "/", method: "DELETE", agent: false }, (res) => {
        let s = "";
        res.on("data", (c) => (s += c));
        res.on("end", () => resolve(s));
      });
      req.end();
    });
    expect(del).toBe("delete");
    expect(JSON.parse((await get(port, "/other")).body).from).toMatch(/^[ab]$/);
  });

  it("forwards by weight, and keeps a client on its group (AWSALBTG) and its target (AWSALB) when sticky", async () => {
    const other = (await elb.call("CreateTargetGroup", { Name: "other", Protocol: "HTTP", Port: 80, VpcId: VPC })).TargetGroups[0].TargetGroupArn;
    await elb.call("CreateRule", {
      ListenerArn: listenerArn,
      Priority: 80,
      Conditions: [{ Field: "path-pattern", PathPatternConfig: { Values: ["/weighted"] } }],
      Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: tgArn, Weight: 1 }, { TargetGroupArn: other, Weight: 0 }], TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 60 } } }],
    });
    const r = await get(80 + OFFSET, "/weighted");
    expect(r.status).toBe(200);
    const tgCookie = (r.headers["set-cookie"] ?? []).find((c) => c.startsWith("AWSALBTG="))!;
    expect(tgCookie).toMatch(/^AWSALBTG=[A-Za-z0-9_-]+; Expires=.+; Path=\/$/);
    // Weight 0 is never drawn: the empty group would answer 503.
    for (let i = 0; i < 5; i++) expect((await get(80 + OFFSET, "/weighted")).status).toBe(200);
    await elb.call("ModifyTargetGroupAttributes", { TargetGroupArn: tgArn, Attributes: [{ Key: "stickiness.enabled", Value: "true" }, { Key: "stickiness.type", Value: "lb_cookie" }] });
    const first = await get(80 + OFFSET, "/");
    const albCookie = (first.headers["set-cookie"] ?? []).find((c) => c.startsWith("AWSALB="))!.split(";")[0];
    const froms = new Set<string>();
    for (let i = 0; i < 4; i++) froms.add(JSON.parse((await get(80 + OFFSET, "/", { Cookie: albCookie })).body).from);
    expect(froms).toEqual(new Set([JSON.parse(first.body).from]));
    await elb.call("ModifyTargetGroupAttributes", { TargetGroupArn: tgArn, Attributes: [{ Key: "stickiness.enabled", Value: "false" }] });
  });

  it("a target failing its checks turns unhealthy with AWS's reason and gets no more requests; back once it passes", async () => {
    b.healthCode = 500;
    const h = await until("b unhealthy", async () => ((await healthOf(tgArn))[b.port].State === "unhealthy" ? healthOf(tgArn) : undefined), 15_000, 50);
    expect(h[b.port]).toEqual({ State: "unhealthy", Reason: "Target.ResponseCodeMismatch", Description: "Health checks failed with these codes: [500]" });
    for (let i = 0; i < 4; i++) expect(JSON.parse((await get(80 + OFFSET, "/")).body).from).toBe("a");
    b.healthCode = 200;
    await until("b healthy again", async () => (await healthOf(tgArn))[b.port].State === "healthy", 15_000, 50);
  }, 40_000);

  it("answers ALB's own pages: 502 when the target fails, 503 without targets, 504 past the idle timeout", async () => {
    await elb.call("ModifyLoadBalancerAttributes", { LoadBalancerArn: lbArn, Attributes: [{ Key: "idle_timeout.timeout_seconds", Value: "1" }] });
    const slow = await get(80 + OFFSET, "/slow");
    expect([slow.status, slow.headers.server, slow.body]).toEqual([504, "awselb/2.0", "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n</body>\r\n</html>\r\n"]);
    await elb.call("DeregisterTargets", { TargetGroupArn: tgArn, Targets: [{ Id: instance, Port: a.port }, { Id: instance, Port: b.port }] });
    t.advance(0);
    const none = await get(80 + OFFSET, "/");
    expect([none.status, none.body]).toEqual([503, "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n</html>\r\n"]);
    // A target nobody listens on fails its checks; with none healthy, the ALB still tries it.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const gone = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await elb.call("RegisterTargets", { TargetGroupArn: tgArn, Targets: [{ Id: instance, Port: gone }] });
    expect((await get(80 + OFFSET, "/")).status).toBe(502);
    const h = await until("the closed port unhealthy", async () => ((await healthOf(tgArn))[gone]?.State === "unhealthy" ? healthOf(tgArn) : undefined), 15_000, 50);
    expect(h[gone]).toEqual({ State: "unhealthy", Reason: "Target.FailedHealthChecks", Description: "Health checks failed" });
  }, 30_000);

  it("closes its loopback port when the listener is deleted", async () => {
    await elb.call("DeleteListener", { ListenerArn: listenerArn });
    await expect(get(80 + OFFSET, "/")).rejects.toThrow(/ECONNREFUSED/);
    expect((await (await fetch(`${t.url}/_ecs-local/elb/listeners`)).json()).listeners).toEqual([]);
  });
});

describe("a network load balancer's TCP listener", () => {
  let echo: TcpServer;
  afterAll(() => echo?.close());
  it("forwards connections to a target, both ways", async () => {
    echo = createTcpServer((s) => s.on("data", (d) => s.end(`echo:${d}`)));
    await new Promise<void>((r) => echo.listen(0, "127.0.0.1", r));
    const port = (echo.address() as AddressInfo).port;
    const nlb = (await elb.call("CreateLoadBalancer", { Name: "tcp", Type: "network", Subnets: [SUBNET_A] })).LoadBalancers[0].LoadBalancerArn;
    const tg = (await elb.call("CreateTargetGroup", { Name: "tcp", Protocol: "TCP", Port: 7000, VpcId: VPC })).TargetGroups[0].TargetGroupArn;
    await elb.call("CreateListener", { LoadBalancerArn: nlb, Protocol: "TCP", Port: 7000 + (OFFSET % 1000), DefaultActions: [{ Type: "forward", TargetGroupArn: tg }] });
    await elb.call("RegisterTargets", { TargetGroupArn: tg, Targets: [{ Id: instance, Port: port }] });
    const reply = await until("an echo through the NLB", () =>
      new Promise<string | undefined>((resolve) => {
        const s = connect({ host: "127.0.0.1", port: 7000 + (OFFSET % 1000) }, () => s.write("hi"));
        let got = "";
        s.on("data", (d) => (got += d));
        s.on("end", () => resolve(got || undefined));
        s.on("error", () => resolve(undefined));
      }),
    );
    expect(reply).toBe("echo:hi");
    expect((await until("the TCP target healthy", async () => ((await healthOf(tg))[port].State === "healthy" ? healthOf(tg) : undefined), 15_000, 50))[port]).toEqual({ State: "healthy" });
  }, 20_000);
});

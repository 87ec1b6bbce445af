// Traffic that flows, with real containers: two tasks of a service behind an ALB answer in turn
// through the listener's loopback URL; a container stopped with the engine drains and the other
// answers until the replacement does; a deployment whose containers answer 500 on the health check
// path fails its checks (Target.ResponseCodeMismatch), its tasks are replaced with ECS's stop reason
// and the circuit breaker fails it; and a service registered in a private DNS namespace is found
// with `aws servicediscovery discover-instances` and reached by name from another task's container.
// Skipped, with the reason, when no engine answers (.ci/docker.sh starts two for CI).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "node:http";
import { Engine } from "../../src/runtime/docker/engine.js";
import { defaultSubnetId, defaultVpcId } from "../../src/services/ec2/domain/network.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { awsCli, clientEnv, cliPresent } from "../e2e/tools.js";
import { call, DOCKER_HOST, dockerUnavailable, IMAGE, importBusybox, page, startDockerLocal, until, type DockerLocal } from "../helpers/docker.js";

const why = await dockerUnavailable();
if (why) console.warn(`SKIPPED the Docker traffic suite: ${why}`);

const OFFSET = 20_000 + Math.floor(Math.random() * 20_000);
const VPC = defaultVpcId("000000000000", "us-east-1");
const SUBNETS = ["us-east-1a", "us-east-1b"].map((z) => defaultSubnetId("000000000000", "us-east-1", z));
let s: DockerLocal;
let engine: Engine;
let elb: QueryCaller;
let tg = "";
const ecs = (op: string, input: unknown) => call(s.url, "ecs", op, input);
const sd = (op: string, input: unknown) => call(s.url, "servicediscovery", op, input);

/** A busybox web server: its page names its container, its health check (CGI) answers `health`. */
function web(family: string, health: "ok" | "500") {
  const script = health === "ok" ? `echo 'echo Content-Type: text/plain; echo; echo ok'` : String.raw`echo 'busybox printf "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n"'`;
  const cmd = `busybox mkdir -p /www/cgi-bin && echo '#!/bin/sh' > /www/cgi-bin/health && ${script} >> /www/cgi-bin/health && busybox chmod +x /www/cgi-bin/health && hostname > /www/index.html && exec httpd -f -p 80 -h /www`;
  return { family, networkMode: "bridge", containerDefinitions: [{ name: "web", image: IMAGE, memory: 32, command: ["sh", "-c", cmd], portMappings: [{ containerPort: 80, hostPort: 0 }], stopTimeout: 1 }] };
}

/** GET through the listener's loopback port. */
function viaListener(path = "/"): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: 80 + OFFSET, path, agent: false, timeout: 5000 }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, body: body.trim() }));
    });
    req.on("error", reject);
    req.end();
  });
}

const targets = async () => (await elb.call("DescribeTargetHealth", { TargetGroupArn: tg })).TargetHealthDescriptions as any[];
const serviceTasks = async (service: string, desired = "RUNNING") => {
  const arns = (await ecs("ListTasks", { cluster: "lab", serviceName: service, desiredStatus: desired })).taskArns;
  return arns.length ? (await ecs("DescribeTasks", { cluster: "lab", tasks: arns })).tasks : [];
};

describe.skipIf(!!why)("with real containers", () => {
  beforeAll(async () => {
    await importBusybox();
    engine = new Engine(DOCKER_HOST);
    s = await startDockerLocal({ elbPortOffset: OFFSET });
    elb = queryCaller(s, "elbv2");
    await ecs("CreateCluster", { clusterName: "lab" });
    for (const [i, zone] of ["us-east-1a", "us-east-1b"].entries()) {
      await ecs("RegisterContainerInstance", { cluster: "lab", instanceIdentityDocument: JSON.stringify({ instanceId: `i-0000000000000777${i}`, instanceType: "t3.medium", availabilityZone: zone, region: "us-east-1" }) });
    }
    const lb = (await elb.call("CreateLoadBalancer", { Name: "lab", Subnets: SUBNETS })).LoadBalancers[0].LoadBalancerArn;
    tg = (await elb.call("CreateTargetGroup", { Name: "web", Protocol: "HTTP", Port: 80, VpcId: VPC, HealthCheckPath: "/cgi-bin/health", HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2 })).TargetGroups[0].TargetGroupArn;
    await elb.call("CreateListener", { LoadBalancerArn: lb, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: tg }] });
    await ecs("RegisterTaskDefinition", web("web", "ok"));
    await ecs("RegisterTaskDefinition", web("broken", "500"));
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    engine?.destroy();
  });

  describe("traffic through an ALB", () => {
    it("answers from one task, then the other, through the listener's local URL", async () => {
      await ecs("CreateService", {
        cluster: "lab", serviceName: "web", taskDefinition: "web", desiredCount: 2, healthCheckGracePeriodSeconds: 0,
        loadBalancers: [{ targetGroupArn: tg, containerName: "web", containerPort: 80 }],
        deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } },
      });
      await until("two healthy targets", async () => {
        const h = await targets();
        return h.length === 2 && h.every((d) => d.TargetHealth.State === "healthy");
      }, 40_000);
      const bodies = [];
      for (let i = 0; i < 4; i++) bodies.push((await viaListener()).body);
      expect(new Set(bodies).size).toBe(2);
      expect(bodies[0]).not.toBe(bodies[1]);
      expect(bodies[0]).toBe(bodies[2]);
    }, 60_000);

    it("a container stopped with the engine drains: the other task answers, then the replacement joins", async () => {
      const [victim, survivor] = await serviceTasks("web");
      await engine.call("POST", `/containers/${victim.containers[0].runtimeId}/stop?t=1`);
      await until("the stopped task's target gone", async () => !(await targets()).some((d) => d.Target.Port === victim.containers[0].networkBindings[0].hostPort && d.TargetHealth.State !== "draining"), 30_000);
      const alone = await page(survivor);
      for (let i = 0; i < 3; i++) expect((await viaListener()).body).toBe(alone.trim());
      const stopped = (await ecs("DescribeTasks", { cluster: "lab", tasks: [victim.taskArn] })).tasks[0];
      expect(stopped.desiredStatus).toBe("STOPPED");
      await until("the replacement healthy", async () => {
        const h = await targets();
        return h.filter((d) => d.TargetHealth.State === "healthy").length === 2;
      }, 40_000);
      const bodies = new Set<string>();
      for (let i = 0; i < 4; i++) bodies.add((await viaListener()).body);
      expect(bodies.size).toBe(2);
      expect(bodies.has(alone.trim())).toBe(true);
    }, 90_000);

    it("a deployment answering 500 on the health check path fails its checks, its tasks are replaced, and the circuit breaker fails it", async () => {
      // A grace period keeps a failing task (and its target) a moment before ECS stops it.
      await ecs("UpdateService", { cluster: "lab", service: "web", taskDefinition: "broken", healthCheckGracePeriodSeconds: 2 });
      const unhealthy = await until("a broken target unhealthy", async () => (await targets()).find((d) => d.TargetHealth.State === "unhealthy"), 40_000, 50);
      expect(unhealthy.TargetHealth).toEqual({ State: "unhealthy", Reason: "Target.ResponseCodeMismatch", Description: "Health checks failed with these codes: [500]" });
      const failed = await until("the deployment FAILED", async () => {
        const svc = (await ecs("DescribeServices", { cluster: "lab", services: ["web"] })).services[0];
        return svc.deployments[0].rolloutState === "FAILED" ? svc : undefined;
      }, 90_000, 250);
      expect(failed.deployments[0].rolloutStateReason).toBe("ECS deployment circuit breaker: tasks failed to start.");
      const stopped = (await serviceTasks("web", "STOPPED")).filter((t: any) => t.taskDefinitionArn.includes(":task-definition/broken:"));
      expect(stopped.length).toBeGreaterThanOrEqual(3);
      expect(stopped[0].stoppedReason).toBe(`Task failed ELB health checks in (target-group ${tg})`);
      expect(failed.events.map((e: any) => e.message)).toContain(`(service web) (task ${stopped[0].taskArn.split("/").pop()}) failed ELB health checks in (target-group ${tg})`);
      // A bridge task's target is its instance and host port, and ECS names it so.
      const unhealthyEvent = new RegExp(`^\\(service web\\) \\(instance i-0000000000000777[01]\\) \\(port \\d+\\) is unhealthy in \\(target-group ${tg}\\) due to \\(reason Health checks failed with these codes: \\[500\\]\\)\\.$`);
      expect(failed.events.some((e: any) => unhealthyEvent.test(e.message))).toBe(true);
      // The old tasks kept serving throughout.
      expect((await viaListener()).status).toBe(200);
    }, 120_000);
  });

  describe("services that find each other by Cloud Map name", () => {
    it("discover-instances lists a service's tasks, and a busybox task fetches http://api.corp.local/", async () => {
      const op = (await sd("CreatePrivateDnsNamespace", { Name: "corp.local", Vpc: VPC })).OperationId;
      const ns = (await sd("GetOperation", { OperationId: op })).Operation.Targets.NAMESPACE;
      const registry = (await sd("CreateService", { Name: "api", NamespaceId: ns, DnsConfig: { DnsRecords: [{ Type: "A", TTL: 10 }] }, HealthCheckCustomConfig: { FailureThreshold: 1 } })).Service.Arn;
      const apiCmd = "echo hello from api > /www/index.html && exec httpd -f -p 80 -h /www";
      await ecs("RegisterTaskDefinition", { family: "api", networkMode: "awsvpc", containerDefinitions: [{ name: "api", image: IMAGE, memory: 32, command: ["sh", "-c", apiCmd], portMappings: [{ containerPort: 80 }], stopTimeout: 1 }] });
      await ecs("CreateService", {
        cluster: "lab", serviceName: "api", taskDefinition: "api", desiredCount: 1,
        networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNETS[0]] } },
        serviceRegistries: [{ registryArn: registry }],
      });
      const [api] = await until("the api task running", async () => {
        const t = await serviceTasks("api");
        return t.length && t[0].lastStatus === "RUNNING" ? t : undefined;
      }, 40_000);
      const ip = api.attachments[0].details.find((d: any) => d.name === "privateIPv4Address").value;
      if (cliPresent) {
        const env = { ...clientEnv(), AWS_DISABLE_HOST_PREFIX_INJECTION: "true" };
        const { stdout } = await awsCli(["servicediscovery", "discover-instances", "--namespace-name", "corp.local", "--service-name", "api", "--endpoint-url", s.url, "--output", "json"], { env, timeout: 60_000 });
        expect(JSON.parse(stdout).Instances.map((i: any) => [i.InstanceId, i.Attributes.AWS_INSTANCE_IPV4, i.HealthStatus])).toEqual([[api.taskArn.split("/").pop(), ip, "HEALTHY"]]);
      }
      const clientCmd = "until wget -q -O /www/index.html http://api.corp.local/; do sleep 1; done; exec httpd -f -p 80 -h /www";
      await ecs("RegisterTaskDefinition", { family: "client", networkMode: "bridge", containerDefinitions: [{ name: "client", image: IMAGE, memory: 32, command: ["sh", "-c", clientCmd], portMappings: [{ containerPort: 80, hostPort: 0 }], stopTimeout: 1 }] });
      await ecs("CreateService", { cluster: "lab", serviceName: "client", taskDefinition: "client", desiredCount: 1 });
      const [client] = await until("the client task running", async () => {
        const t = await serviceTasks("client");
        return t.length && t[0].lastStatus === "RUNNING" ? t : undefined;
      }, 40_000);
      expect(await until("the client's page, fetched from the api by name", async () => {
        const text = await page(client).catch(() => "");
        return text.includes("hello from api") ? text.trim() : undefined;
      }, 40_000, 500)).toBe("hello from api");
    }, 150_000);
  });
});

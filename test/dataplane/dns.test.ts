// The containers' name server, on the loopback at a free port: Cloud Map names answered from the
// registry (healthy instances, A and SRV records, SRV targets), through the real DNS wire format.
import { createSocket } from "node:dgram";
import packet from "dns-packet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { ContainerDns } from "../../src/dataplane/dns/server.js";
import { createLogger } from "../../src/log.js";
import { defaultVpcId } from "../../src/services/ec2/domain/network.js";
import { SUBNET_A, fargateTaskDefinition } from "../helpers/fixtures.js";

const VPC = defaultVpcId("000000000000", "us-east-1");
const PORT = 20_000 + Math.floor(Math.random() * 20_000);
let t: TestLocal;
let sd: JsonCalls;
let dns: ContainerDns;

function ask(name: string, type: "A" | "SRV" | "AAAA"): Promise<packet.DecodedPacket & { rcode?: string }> {
  return new Promise((resolve, reject) => {
    const s = createSocket("udp4");
    const timer = setTimeout(() => (s.close(), reject(new Error("no answer"))), 5000);
    s.once("message", (m) => {
      clearTimeout(timer);
      s.close();
      resolve(packet.decode(m) as packet.DecodedPacket & { rcode?: string });
    });
    s.send(packet.encode({ type: "query", id: 7, flags: packet.RECURSION_DESIRED, questions: [{ type, name }] }), PORT, "127.0.0.1");
  });
}

beforeAll(async () => {
  t = await startLocal();
  sd = jsonCalls(t, "servicediscovery");
  dns = new ContainerDns(createLogger({ level: "silent", format: "text" }), PORT);
  dns.attach(t.local.registry.backends.servicediscovery.registry, (name) => t.local.registry.backends.ecs.serviceConnect.resolve(name));
  expect(await dns.listen("127.0.0.1")).toBe("127.0.0.1");
  const ns = (await sd.call("GetOperation", { OperationId: (await sd.call("CreatePrivateDnsNamespace", { Name: "corp.local", Vpc: VPC })).OperationId })).Operation.Targets.NAMESPACE;
  const svc = (await sd.call("CreateService", { Name: "api", NamespaceId: ns, DnsConfig: { DnsRecords: [{ Type: "A", TTL: 20 }, { Type: "SRV", TTL: 20 }] }, HealthCheckCustomConfig: {} })).Service.Id;
  for (const [id, ip] of [["t1", "172.31.250.5"], ["t2", "172.31.250.6"], ["t3", "172.31.250.7"]]) {
    await sd.call("RegisterInstance", { ServiceId: svc, InstanceId: id, Attributes: { AWS_INSTANCE_IPV4: ip, AWS_INSTANCE_PORT: "8080" } });
  }
  await sd.call("UpdateInstanceCustomHealthStatus", { ServiceId: svc, InstanceId: "t3", Status: "UNHEALTHY" });
});
afterAll(async () => {
  dns?.close();
  await t?.close();
});

describe("the containers' name server", () => {
  it("answers <service>.<namespace> with the healthy instances' addresses, authoritatively", async () => {
    const r = await ask("api.corp.local", "A");
    expect(r.id).toBe(7);
    expect(r.flag_aa).toBe(true);
    expect(r.rcode).toBe("NOERROR");
    expect(r.answers!.map((a: any) => [a.name, a.type, a.ttl, a.data]).sort()).toEqual([
      ["api.corp.local", "A", 20, "172.31.250.5"],
      ["api.corp.local", "A", 20, "172.31.250.6"],
    ]);
  });

  it("answers SRV with each instance's port and a target that resolves to it", async () => {
    const r = await ask("api.corp.local", "SRV");
    const srv = (r.answers as any[]).map((a) => a.data).sort((a, b) => a.target.localeCompare(b.target));
    expect(srv).toEqual([
      { priority: 1, weight: 1, port: 8080, target: "t1.api.corp.local" },
      { priority: 1, weight: 1, port: 8080, target: "t2.api.corp.local" },
    ]);
    expect(((await ask("t2.api.corp.local", "A")).answers as any[]).map((a) => a.data)).toEqual(["172.31.250.6"]);
  });

  it("a known name without records of the type asked has no answers; an unknown one in the namespace does not exist", async () => {
    const r = await ask("api.corp.local", "AAAA");
    expect([r.rcode, r.answers]).toEqual(["NOERROR", []]);
    const missing = await ask("nothing.corp.local", "A");
    expect([missing.rcode, missing.flag_aa, missing.answers]).toEqual(["NXDOMAIN", true, []]);
  });

  it("resolves Service Connect client aliases to the running tasks of the service that declares them, not its discovery name", async () => {
    await t.ecs("CreateCluster", { clusterName: "sc", serviceConnectDefaults: { namespace: "corp.local" } });
    await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("web", { containerDefinitions: [{ name: "web", image: "nginx", portMappings: [{ containerPort: 8080, name: "http" }] }] }));
    await t.ecs("CreateService", {
      cluster: "sc", serviceName: "web", taskDefinition: "web", desiredCount: 1, launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A] } },
      serviceConnectConfiguration: { enabled: true, namespace: "corp.local", services: [{ portName: "http", discoveryName: "web", clientAliases: [{ port: 80, dnsName: "web.internal" }] }] },
    });
    t.advance(0);
    const [task] = (await t.ecs("DescribeTasks", { cluster: "sc", tasks: (await t.ecs("ListTasks", { cluster: "sc" })).taskArns! })).tasks!;
    const ip = task.attachments![0].details!.find((d) => d.name === "privateIPv4Address")!.value;
    expect(((await ask("web.internal", "A")).answers as any[]).map((a) => a.data)).toEqual([ip]);
    // ECS made an API-only Cloud Map service for it: nothing of it is in DNS.
    expect((await ask("web.corp.local", "A")).rcode).toBe("NXDOMAIN");
  });
});

// --state-dir keeps Cloud Map: namespaces (with the operations that made them), services, instances
// with their custom health, and the Cloud Map service ECS made for a Service Connect service.
import { CreateHttpNamespaceCommand, GetOperationCommand, CreateServiceCommand, DiscoverInstancesCommand, ListNamespacesCommand, ListServicesCommand, RegisterInstanceCommand, ServiceDiscoveryClient, UpdateInstanceCustomHealthStatusCommand } from "@aws-sdk/client-servicediscovery";
import { describe, expect, it } from "vitest";
import { type EcsLocalServer } from "../../src/index.js";
import { stateDirServers } from "../helpers/stateDir.js";
import { tempDir } from "../helpers/tempDir.js";

const servers = stateDirServers();

async function start(stateDir: string): Promise<{ server: EcsLocalServer; sd: ServiceDiscoveryClient }> {
  const server = await servers.start(stateDir);
  const sd = new ServiceDiscoveryClient({ endpoint: server.endpoint, region: "us-east-1", disableHostPrefix: true, credentials: { accessKeyId: "test", secretAccessKey: "test" } });
  return { server, sd };
}

describe("--state-dir: Cloud Map", () => {
  it("keeps namespaces, services, instances and their health across a restart", async () => {
    const dir = tempDir("ecs-local-state-");
    const a = await start(dir);
    const { OperationId } = await a.sd.send(new CreateHttpNamespaceCommand({ Name: "apps" }));
    const nsId = (await a.sd.send(new GetOperationCommand({ OperationId }))).Operation!.Targets!.NAMESPACE!;
    const svc = (await a.sd.send(new CreateServiceCommand({ Name: "api", NamespaceId: nsId, HealthCheckCustomConfig: {} }))).Service!;
    for (const id of ["a", "b"]) await a.sd.send(new RegisterInstanceCommand({ ServiceId: svc.Id, InstanceId: id, Attributes: { AWS_INSTANCE_IPV4: id === "a" ? "10.0.0.1" : "10.0.0.2" } }));
    await a.sd.send(new UpdateInstanceCustomHealthStatusCommand({ ServiceId: svc.Id, InstanceId: "b", Status: "UNHEALTHY" }));
    const namespaces = (await a.sd.send(new ListNamespacesCommand({}))).Namespaces;
    const services = (await a.sd.send(new ListServicesCommand({}))).Services;
    a.sd.destroy();
    await a.server.stop();

    const b = await start(dir);
    expect((await b.sd.send(new ListNamespacesCommand({}))).Namespaces).toEqual(namespaces);
    expect((await b.sd.send(new ListServicesCommand({}))).Services).toEqual(services);
    expect((await b.sd.send(new GetOperationCommand({ OperationId }))).Operation!.Status).toBe("SUCCESS");
    const found = await b.sd.send(new DiscoverInstancesCommand({ NamespaceName: "apps", ServiceName: "api", HealthStatus: "ALL" }));
    expect(found.Instances!.map((i) => [i.InstanceId, i.HealthStatus])).toEqual([["a", "HEALTHY"], ["b", "UNHEALTHY"]]);
    // The ids go on from where they were: a new service gets a fresh one.
    const next = (await b.sd.send(new CreateServiceCommand({ Name: "web", NamespaceId: nsId }))).Service!;
    expect(next.Id).not.toBe(svc.Id);
    b.sd.destroy();
  }, 60_000);
});

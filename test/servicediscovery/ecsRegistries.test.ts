// ECS services with serviceRegistries: each running task registered in the Cloud Map service with the
// attributes ECS sets (awsvpc: its address; bridge: its instance's address and host port), its health
// reported, and deregistered when it stops.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { queryCaller } from "../helpers/query.js";
import { SUBNET_A, fargateTaskDefinition } from "../helpers/fixtures.js";
import { defaultVpcId } from "../../src/services/ec2/domain/network.js";

const VPC = defaultVpcId("000000000000", "us-east-1");
let t: TestLocal;
let sd: JsonCalls;
let registry = "";
let srv = "";

beforeAll(async () => {
  t = await startLocal();
  sd = jsonCalls(t, "servicediscovery");
  const op = (await sd.call("CreatePrivateDnsNamespace", { Name: "local", Vpc: VPC })).OperationId;
  const ns = (await sd.call("GetOperation", { OperationId: op })).Operation.Targets.NAMESPACE;
  const created = (await sd.call("CreateService", { Name: "api", NamespaceId: ns, DnsConfig: { DnsRecords: [{ Type: "A", TTL: 10 }] }, HealthCheckCustomConfig: { FailureThreshold: 1 } })).Service;
  [registry, srv] = [created.Arn, created.Id];
  await t.ecs("CreateCluster", { clusterName: "c" });
});
afterAll(async () => t.close());

const discovered = async () => (await sd.call("DiscoverInstances", { NamespaceName: "local", ServiceName: "api", HealthStatus: "ALL" })).Instances as any[];

describe("a Fargate service with serviceRegistries", () => {
  it("registers each running task by its address with ECS's attributes, and deregisters it when it stops", async () => {
    await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("api", { containerDefinitions: [{ name: "api", image: "nginx", portMappings: [{ containerPort: 8080 }] }] }));
    await t.ecs("CreateService", {
      cluster: "c", serviceName: "api", taskDefinition: "api", desiredCount: 2, launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A] } },
      serviceRegistries: [{ registryArn: registry, containerName: "api", containerPort: 8080 }],
    });
    t.advance(0);
    const tasks = (await t.ecs("DescribeTasks", { cluster: "c", tasks: (await t.ecs("ListTasks", { cluster: "c" })).taskArns! })).tasks!;
    const byId = Object.fromEntries(tasks.map((x) => [x.taskArn!.split("/").pop()!, x]));
    const found = await discovered();
    expect(found.map((i) => i.InstanceId).sort()).toEqual(Object.keys(byId).sort());
    const one = found[0];
    const task = byId[one.InstanceId];
    const ip = task.attachments![0].details!.find((d) => d.name === "privateIPv4Address")!.value;
    expect(one).toEqual({
      InstanceId: one.InstanceId, NamespaceName: "local", ServiceName: "api", HealthStatus: "HEALTHY",
      Attributes: { AWS_INSTANCE_IPV4: ip, AWS_INSTANCE_PORT: "8080", AWS_INIT_HEALTH_STATUS: "HEALTHY", AVAILABILITY_ZONE: task.availabilityZone, ECS_CLUSTER_NAME: "c", ECS_SERVICE_NAME: "api", ECS_TASK_DEFINITION_FAMILY: "api", REGION: "us-east-1" },
    });
    await t.ecs("StopTask", { cluster: "c", task: task.taskArn! });
    t.advance(0);
    const after = (await discovered()).map((i) => i.InstanceId);
    expect(after).not.toContain(one.InstanceId);
    expect(after.length).toBe(2); // the replacement is registered
    expect((await sd.call("ListOperations", { Filters: [{ Name: "SERVICE_ID", Values: [srv] }, { Name: "TYPE", Values: ["DEREGISTER_INSTANCE"] }] })).Operations.length).toBe(1);
  });

  it("deregisters every task when the service is deleted, so the Cloud Map service can go", async () => {
    await t.ecs("DeleteService", { cluster: "c", service: "api", force: true });
    t.advance(0);
    expect(await discovered()).toEqual([]);
    await sd.call("DeleteService", { Id: srv });
  });
});

describe("a bridge service with an SRV registry", () => {
  it("registers the instance's address and the host port", async () => {
    const ec2 = queryCaller(t, "ec2");
    const inst = (await ec2.call("RunInstances", { ImageId: "ami-0123456789abcdef0", InstanceType: "t3.micro", MinCount: 1, MaxCount: 1 })).Instances[0];
    await t.ecs("RegisterContainerInstance", { cluster: "c", instanceIdentityDocument: JSON.stringify({ instanceId: inst.InstanceId, instanceType: "t3.micro", availabilityZone: "us-east-1a" }) });
    const ns = (await sd.call("ListNamespaces", {})).Namespaces[0].Id;
    const srvSrv = (await sd.call("CreateService", { Name: "web", NamespaceId: ns, DnsConfig: { DnsRecords: [{ Type: "SRV", TTL: 10 }] } })).Service;
    await t.ecs("RegisterTaskDefinition", { family: "web", networkMode: "bridge", containerDefinitions: [{ name: "web", image: "nginx", memory: 64, portMappings: [{ containerPort: 80, hostPort: 0 }] }] });
    await t.ecs("CreateService", { cluster: "c", serviceName: "web", taskDefinition: "web", desiredCount: 1, serviceRegistries: [{ registryArn: srvSrv.Arn, containerName: "web", containerPort: 80 }] });
    t.advance(0);
    const [task] = (await t.ecs("DescribeTasks", { cluster: "c", tasks: (await t.ecs("ListTasks", { cluster: "c", serviceName: "web" })).taskArns! })).tasks!;
    const hostPort = task.containers![0].networkBindings![0].hostPort;
    const [i] = (await sd.call("DiscoverInstances", { NamespaceName: "local", ServiceName: "web" })).Instances;
    expect([i.Attributes.AWS_INSTANCE_IPV4, i.Attributes.AWS_INSTANCE_PORT, i.HealthStatus]).toEqual([inst.PrivateIpAddress, String(hostPort), "UNKNOWN"]);
  });
});

describe("Service Connect", () => {
  const base = { cluster: "c", serviceName: "sc", taskDefinition: "sc", desiredCount: 1, launchType: "FARGATE" as const, networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A] } } };

  it("is refused without a namespace, with one Cloud Map does not have, or with a port name the task definition does not define", async () => {
    await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("sc", { containerDefinitions: [{ name: "sc", image: "nginx", portMappings: [{ containerPort: 80, name: "http" }] }] }));
    const noNamespace = await t.ecsError("CreateService", { ...base, serviceConnectConfiguration: { enabled: true, services: [{ portName: "http" }] } });
    expect([noNamespace.code, noNamespace.message]).toEqual(["InvalidParameterException", "Service Connect requires a namespace: specify one in the serviceConnectConfiguration or in the cluster's serviceConnectDefaults."]);
    const unknown = await t.ecsError("CreateService", { ...base, serviceConnectConfiguration: { enabled: true, namespace: "nowhere", services: [{ portName: "http" }] } });
    expect([unknown.code, unknown.message]).toEqual(["NamespaceNotFoundException", "Failed to retrieve namespace for nowhere"]);
    const badPort = await t.ecsError("CreateService", { ...base, serviceConnectConfiguration: { enabled: true, namespace: "local", services: [{ portName: "grpc" }] } });
    expect(badPort.message).toBe("The port name grpc in the serviceConnectConfiguration is not the name of a port mapping in the task definition.");
    expect((await sd.call("ListServices", {})).Services.map((x: any) => x.Name)).not.toContain("http");
  });

  it("makes an API-only Cloud Map service for each Service Connect service and registers the tasks in it; deleting the service removes it", async () => {
    const ok = await t.ecs("CreateService", { ...base, serviceConnectConfiguration: { enabled: true, namespace: "local", services: [{ portName: "http", clientAliases: [{ port: 80 }] }] } });
    const d = ok.service!.deployments![0];
    expect(d.serviceConnectConfiguration).toEqual({ enabled: true, namespace: "local", services: [{ portName: "http", clientAliases: [{ port: 80 }] }] });
    const made = (await sd.call("ListServices", {})).Services.find((x: any) => x.Name === "http");
    expect(d.serviceConnectResources).toEqual([{ discoveryName: "http", discoveryArn: made.Arn }]);
    expect([made.Type, made.DnsConfig]).toEqual(["HTTP", undefined]);
    expect((await sd.call("ListTagsForResource", { ResourceARN: made.Arn })).Tags).toEqual([{ Key: "AmazonECSManaged", Value: "true" }]);
    expect((await t.ecs("ListServicesByNamespace", { namespace: "local" })).serviceArns).toEqual([ok.service!.serviceArn]);
    t.advance(0);
    const [task] = (await t.ecs("DescribeTasks", { cluster: "c", tasks: (await t.ecs("ListTasks", { cluster: "c", serviceName: "sc" })).taskArns! })).tasks!;
    const ip = task.attachments![0].details!.find((x) => x.name === "privateIPv4Address")!.value;
    const [i] = (await sd.call("DiscoverInstances", { NamespaceName: "local", ServiceName: "http" })).Instances;
    expect([i.InstanceId, i.Attributes.AWS_INSTANCE_IPV4, i.Attributes.AWS_INSTANCE_PORT, i.Attributes.ECS_SERVICE_NAME]).toEqual([task.taskArn!.split("/").pop(), ip, "80", "sc"]);
    await t.ecs("DeleteService", { cluster: "c", service: "sc", force: true });
    t.advance(0);
    expect((await sd.error("GetService", { Id: made.Id })).code).toBe("ServiceNotFound");
  });

  it("a cluster's default namespace name is found in Cloud Map, or made there as an HTTP namespace ECS tags", async () => {
    const local = (await sd.call("ListNamespaces", {})).Namespaces.find((n: any) => n.Name === "local");
    expect((await t.ecs("CreateCluster", { clusterName: "d", serviceConnectDefaults: { namespace: "local" } })).cluster!.serviceConnectDefaults).toEqual({ namespace: local.Arn });
    const made = (await t.ecs("CreateCluster", { clusterName: "e", serviceConnectDefaults: { namespace: "shop" } })).cluster!.serviceConnectDefaults!.namespace;
    const shop = (await sd.call("ListNamespaces", { Filters: [{ Name: "NAME", Values: ["shop"] }] })).Namespaces[0];
    expect([shop.Arn, shop.Type]).toEqual([made, "HTTP"]);
    expect((await sd.call("ListTagsForResource", { ResourceARN: shop.Arn })).Tags).toEqual([{ Key: "AmazonECSManaged", Value: "true" }]);
    expect((await t.ecs("ListServicesByNamespace", { namespace: made! })).serviceArns).toEqual([]);
  });
});

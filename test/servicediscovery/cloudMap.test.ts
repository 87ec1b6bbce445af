// Cloud Map: namespaces of three kinds created through operations, services with DNS configs and
// health checks, instances registered, discovered (healthy only unless asked) and their health,
// tags, and deletes refused while in use; with the real SDK v3 client parsing the answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscoverInstancesCommand, GetNamespaceCommand, ListNamespacesCommand, ServiceDiscoveryClient } from "@aws-sdk/client-servicediscovery";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { defaultVpcId } from "../../src/services/ec2/domain/network.js";

const VPC = defaultVpcId("000000000000", "us-east-1");
let t: TestLocal;
let sd: JsonCalls;

beforeAll(async () => {
  t = await startLocal();
  sd = jsonCalls(t, "servicediscovery");
});
afterAll(async () => t.close());

async function namespaceOf(operationId: string): Promise<string> {
  const op = (await sd.call("GetOperation", { OperationId: operationId })).Operation;
  return op.Targets.NAMESPACE;
}

describe("namespaces", () => {
  it("are created through an operation that has succeeded by the next turn of the clock", async () => {
    const { OperationId } = await sd.call("CreateHttpNamespace", { Name: "apps", CreatorRequestId: "r1", Description: "http" });
    expect(OperationId).toMatch(/^[a-z0-9]{32}-[a-z0-9]{8}$/);
    const done = (await sd.call("GetOperation", { OperationId })).Operation;
    expect(done).toEqual({ Id: OperationId, Type: "CREATE_NAMESPACE", Status: "SUCCESS", CreateDate: done.CreateDate, UpdateDate: done.UpdateDate, Targets: { NAMESPACE: expect.stringMatching(/^ns-/) } });
    expect((await sd.call("ListOperations", { Filters: [{ Name: "STATUS", Values: ["SUCCESS"] }] })).Operations).toEqual([{ Id: OperationId, Status: "SUCCESS" }]);
    const ns = (await sd.call("GetNamespace", { Id: done.Targets.NAMESPACE })).Namespace;
    expect(ns).toEqual({
      Id: done.Targets.NAMESPACE, Arn: `arn:aws:servicediscovery:us-east-1:000000000000:namespace/${done.Targets.NAMESPACE}`, Name: "apps", Type: "HTTP", Description: "http",
      ServiceCount: 0, Properties: { DnsProperties: {}, HttpProperties: { HttpName: "apps" } }, CreateDate: ns.CreateDate, CreatorRequestId: "r1",
    });
    expect(ns.Id).toMatch(/^ns-[a-z2-7]{16}$/);
    // The same request again answers the same operation; another with the name is refused.
    expect((await sd.call("CreateHttpNamespace", { Name: "apps", CreatorRequestId: "r1" })).OperationId).toBe(OperationId);
    expect(await sd.error("CreateHttpNamespace", { Name: "apps" })).toMatchObject({ code: "NamespaceAlreadyExists", message: "Namespace with name apps already exists." });
  });

  it("a private DNS namespace needs a VPC EC2 knows and gets a hosted zone; ListNamespaces filters by type", async () => {
    expect(await sd.error("CreatePrivateDnsNamespace", { Name: "internal", Vpc: "vpc-0123456789abcdef0" })).toMatchObject({ code: "InvalidInput", message: "The VPC vpc-0123456789abcdef0 does not exist." });
    const id = await namespaceOf((await sd.call("CreatePrivateDnsNamespace", { Name: "internal", Vpc: VPC, Properties: { DnsProperties: { SOA: { TTL: 60 } } } })).OperationId);
    const ns = (await sd.call("GetNamespace", { Id: id })).Namespace;
    expect(ns.Type).toBe("DNS_PRIVATE");
    expect(ns.Properties.DnsProperties.HostedZoneId).toMatch(/^Z[A-Z0-9]{20}$/);
    expect(ns.Properties.DnsProperties.SOA).toEqual({ TTL: 60 });
    await sd.call("CreatePublicDnsNamespace", { Name: "example.com" });
    const listed = (await sd.call("ListNamespaces", { Filters: [{ Name: "TYPE", Values: ["DNS_PRIVATE", "DNS_PUBLIC"], Condition: "IN" }] })).Namespaces;
    expect(listed.map((n: any) => n.Name).sort()).toEqual(["example.com", "internal"]);
    expect(listed[0].CreatorRequestId).toBeUndefined();
  });

  // DiscoverInstances is served at a `data-` host prefix: clients of a local endpoint turn it off.
  it("answers the SDK v3 client", async () => {
    const client = new ServiceDiscoveryClient({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" }, disableHostPrefix: true });
    const { Namespaces } = await client.send(new ListNamespacesCommand({}));
    expect(Namespaces!.map((n) => n.Name).sort()).toEqual(["apps", "example.com", "internal"]);
    expect((await client.send(new GetNamespaceCommand({ Id: Namespaces![0].Id }))).Namespace!.CreateDate).toBeInstanceOf(Date);
    await expect(client.send(new DiscoverInstancesCommand({ NamespaceName: "nowhere", ServiceName: "x" }))).rejects.toMatchObject({ name: "NamespaceNotFound" });
  });
});

describe("services and instances", () => {
  let ns = "";
  let svc = "";
  beforeAll(async () => {
    ns = (await sd.call("ListNamespaces", { Filters: [{ Name: "NAME", Values: ["internal"] }] })).Namespaces[0].Id;
  });

  it("a DNS service takes a DNS config and a custom health check; an HTTP namespace takes none", async () => {
    const created = (await sd.call("CreateService", { Name: "web", NamespaceId: ns, DnsConfig: { DnsRecords: [{ Type: "A", TTL: 10 }, { Type: "SRV", TTL: 10 }] }, HealthCheckCustomConfig: { FailureThreshold: 1 } })).Service;
    svc = created.Id;
    expect(created).toEqual({
      Id: svc, Arn: `arn:aws:servicediscovery:us-east-1:000000000000:service/${svc}`, Name: "web", NamespaceId: ns,
      DnsConfig: { NamespaceId: ns, RoutingPolicy: "MULTIVALUE", DnsRecords: [{ Type: "A", TTL: 10 }, { Type: "SRV", TTL: 10 }] },
      Type: "DNS_HTTP", HealthCheckCustomConfig: { FailureThreshold: 1 }, CreateDate: created.CreateDate, InstanceCount: 0,
    });
    expect(await sd.error("CreateService", { Name: "web", NamespaceId: ns, DnsConfig: { DnsRecords: [{ Type: "A", TTL: 10 }] } })).toMatchObject({ code: "ServiceAlreadyExists" });
    expect(await sd.error("CreateService", { Name: "x", NamespaceId: ns })).toMatchObject({ code: "InvalidInput", message: "DnsConfig is required for a service in a DNS namespace." });
    expect(await sd.error("CreateService", { Name: "x", NamespaceId: "ns-aaaaaaaaaaaaaaaa" })).toMatchObject({ code: "NamespaceNotFound", message: "Namespace not found: ns-aaaaaaaaaaaaaaaa" });
    const http = (await sd.call("ListNamespaces", { Filters: [{ Name: "TYPE", Values: ["HTTP"] }] })).Namespaces[0].Id;
    expect(await sd.error("CreateService", { Name: "x", NamespaceId: http, DnsConfig: { DnsRecords: [{ Type: "A", TTL: 10 }] } })).toMatchObject({ code: "InvalidInput" });
    expect((await sd.call("CreateService", { Name: "api", NamespaceId: http })).Service.Type).toBe("HTTP");
  });

  it("registers instances whose attributes fit the records, discovers the healthy ones, counts revisions", async () => {
    expect(await sd.error("RegisterInstance", { ServiceId: svc, InstanceId: "a", Attributes: { AWS_INSTANCE_IPV4: "10.0.0.1" } })).toMatchObject({
      code: "InvalidInput", message: "Instance attribute AWS_INSTANCE_PORT is required for a service with SRV records.",
    });
    const before = (await sd.call("DiscoverInstancesRevision", { NamespaceName: "internal", ServiceName: "web" })).InstancesRevision;
    await sd.call("RegisterInstance", { ServiceId: svc, InstanceId: "a", Attributes: { AWS_INSTANCE_IPV4: "10.0.0.1", AWS_INSTANCE_PORT: "80", color: "blue" } });
    await sd.call("RegisterInstance", { ServiceId: svc, InstanceId: "b", Attributes: { AWS_INSTANCE_IPV4: "10.0.0.2", AWS_INSTANCE_PORT: "80", color: "green", AWS_INIT_HEALTH_STATUS: "UNHEALTHY" } });
    expect((await sd.call("DiscoverInstancesRevision", { NamespaceName: "internal", ServiceName: "web" })).InstancesRevision).toBe(before + 2);
    expect((await sd.call("GetInstance", { ServiceId: svc, InstanceId: "a" })).Instance).toEqual({ Id: "a", Attributes: { AWS_INSTANCE_IPV4: "10.0.0.1", AWS_INSTANCE_PORT: "80", color: "blue" } });
    expect((await sd.call("GetInstancesHealthStatus", { ServiceId: svc })).Status).toEqual({ a: "HEALTHY", b: "UNHEALTHY" });
    const healthy = await sd.call("DiscoverInstances", { NamespaceName: "internal", ServiceName: "web" });
    expect(healthy.Instances).toEqual([{ InstanceId: "a", NamespaceName: "internal", ServiceName: "web", HealthStatus: "HEALTHY", Attributes: { AWS_INSTANCE_IPV4: "10.0.0.1", AWS_INSTANCE_PORT: "80", color: "blue" } }]);
    const all = await sd.call("DiscoverInstances", { NamespaceName: "internal", ServiceName: "web", HealthStatus: "ALL", QueryParameters: { color: "green" } });
    expect(all.Instances.map((i: any) => i.InstanceId)).toEqual(["b"]);
    const optional = await sd.call("DiscoverInstances", { NamespaceName: "internal", ServiceName: "web", HealthStatus: "ALL", OptionalParameters: { color: "red" } });
    expect(optional.Instances.map((i: any) => i.InstanceId)).toEqual(["a", "b"]);
    await sd.call("UpdateInstanceCustomHealthStatus", { ServiceId: svc, InstanceId: "b", Status: "HEALTHY" });
    expect((await sd.call("DiscoverInstances", { NamespaceName: "internal", ServiceName: "web" })).Instances.map((i: any) => i.InstanceId)).toEqual(["a", "b"]);
    expect((await sd.call("ListInstances", { ServiceId: svc, MaxResults: 1 })).NextToken).toEqual(expect.any(String));
    expect((await sd.call("GetService", { Id: svc })).Service.InstanceCount).toBe(2);
  });

  it("refuses custom health for a service without it, and unknown instances", async () => {
    const plain = (await sd.call("CreateService", { Name: "plain", NamespaceId: ns, DnsConfig: { DnsRecords: [{ Type: "A", TTL: 10 }] } })).Service.Id;
    await sd.call("RegisterInstance", { ServiceId: plain, InstanceId: "p", Attributes: { AWS_INSTANCE_IPV4: "10.0.0.9" } });
    expect(await sd.error("UpdateInstanceCustomHealthStatus", { ServiceId: plain, InstanceId: "p", Status: "HEALTHY" })).toMatchObject({ code: "CustomHealthNotFound" });
    expect((await sd.call("DiscoverInstances", { NamespaceName: "internal", ServiceName: "plain" })).Instances[0].HealthStatus).toBe("UNKNOWN");
    expect(await sd.error("GetInstance", { ServiceId: svc, InstanceId: "zz" })).toMatchObject({ code: "InstanceNotFound", message: "Instance not found: zz" });
    await sd.call("DeregisterInstance", { ServiceId: plain, InstanceId: "p" });
    await sd.call("DeleteService", { Id: plain });
    expect(await sd.error("GetService", { Id: plain })).toMatchObject({ code: "ServiceNotFound", message: `Service not found: ${plain}` });
  });

  it("tags, service attributes, and deletes refused while in use in Cloud Map's words", async () => {
    const arn = (await sd.call("GetService", { Id: svc })).Service.Arn;
    await sd.call("TagResource", { ResourceARN: arn, Tags: [{ Key: "team", Value: "a" }] });
    await sd.call("UntagResource", { ResourceARN: arn, TagKeys: ["none"] });
    expect((await sd.call("ListTagsForResource", { ResourceARN: arn })).Tags).toEqual([{ Key: "team", Value: "a" }]);
    expect(await sd.error("ListTagsForResource", { ResourceARN: arn.replace(/srv-\w+/, "srv-aaaaaaaaaaaaaaaa") })).toMatchObject({ code: "ResourceNotFoundException" });
    await sd.call("UpdateServiceAttributes", { ServiceId: svc, Attributes: { tier: "gold" } });
    expect((await sd.call("GetServiceAttributes", { ServiceId: svc })).ServiceAttributes).toEqual({ ServiceArn: arn, Attributes: { tier: "gold" } });
    expect(await sd.error("DeleteService", { Id: svc })).toMatchObject({ code: "ResourceInUse", message: "Service contains registered instances; delete the instances before deleting the service" });
    expect(await sd.error("DeleteNamespace", { Id: ns })).toMatchObject({ code: "ResourceInUse", message: "Namespace has associated services; delete the services before deleting the namespace" });
    const ops = (await sd.call("ListOperations", { Filters: [{ Name: "TYPE", Values: ["REGISTER_INSTANCE"] }] })).Operations;
    expect(ops.length).toBeGreaterThanOrEqual(2);
    const upd = await sd.call("UpdateService", { Id: svc, Service: { Description: "d", DnsConfig: { DnsRecords: [{ Type: "A", TTL: 30 }, { Type: "SRV", TTL: 30 }] } } });
    expect((await sd.call("GetOperation", { OperationId: upd.OperationId })).Operation.Type).toBe("UPDATE_SERVICE");
    expect((await sd.call("GetService", { Id: svc })).Service.DnsConfig.DnsRecords).toEqual([{ Type: "A", TTL: 30 }, { Type: "SRV", TTL: 30 }]);
  });
});

describe("AWS::ServiceDiscovery::* in CloudFormation", () => {
  const template = (ttl: number, color: string) => JSON.stringify({
    Resources: {
      Ns: { Type: "AWS::ServiceDiscovery::PrivateDnsNamespace", Properties: { Name: "stack.local", Vpc: VPC, Description: "from a stack" } },
      Api: {
        Type: "AWS::ServiceDiscovery::Service",
        Properties: { Name: "api", NamespaceId: { Ref: "Ns" }, DnsConfig: { DnsRecords: [{ Type: "A", TTL: ttl }] }, HealthCheckCustomConfig: { FailureThreshold: 1 }, Tags: [{ Key: "team", Value: "core" }] },
      },
      Box: { Type: "AWS::ServiceDiscovery::Instance", Properties: { ServiceId: { "Fn::GetAtt": ["Api", "Id"] }, InstanceId: "box-1", InstanceAttributes: { AWS_INSTANCE_IPV4: "10.0.0.9", color } } },
      Http: { Type: "AWS::ServiceDiscovery::HttpNamespace", Properties: { Name: "stack-http" } },
    },
    Outputs: {
      NsId: { Value: { Ref: "Ns" } },
      NsArn: { Value: { "Fn::GetAtt": ["Ns", "Arn"] } },
      Zone: { Value: { "Fn::GetAtt": ["Ns", "HostedZoneId"] } },
      ApiId: { Value: { Ref: "Api" } },
      ApiArn: { Value: { "Fn::GetAtt": ["Api", "Arn"] } },
      ApiName: { Value: { "Fn::GetAtt": ["Api", "Name"] } },
      Box: { Value: { Ref: "Box" } },
    },
  });

  it("makes namespaces, a service and an instance through Cloud Map's operations, updates them in place, and deletes them", async () => {
    const { queryCaller } = await import("../helpers/query.js");
    const cfn = queryCaller(t, "cloudformation");
    const stack = async () => (await cfn.call("DescribeStacks", { StackName: "map" })).Stacks[0];
    await cfn.call("CreateStack", { StackName: "map", TemplateBody: template(30, "blue") });
    const created = await stack();
    expect(created.StackStatus).toBe("CREATE_COMPLETE");
    const out = Object.fromEntries(created.Outputs.map((o: any) => [o.OutputKey, o.OutputValue]));
    const ns = (await sd.call("GetNamespace", { Id: out.NsId })).Namespace;
    expect([ns.Arn, ns.Name, ns.Description, ns.Properties.DnsProperties.HostedZoneId]).toEqual([out.NsArn, "stack.local", "from a stack", out.Zone]);
    const api = (await sd.call("GetService", { Id: out.ApiId })).Service;
    expect([api.Arn, api.Name, api.DnsConfig.DnsRecords]).toEqual([out.ApiArn, out.ApiName, [{ Type: "A", TTL: 30 }]]);
    expect(out.Box).toBe("box-1");
    const discovered = async () => (await sd.call("DiscoverInstances", { NamespaceName: "stack.local", ServiceName: "api" })).Instances.map((i: any) => [i.InstanceId, i.Attributes.color]);
    expect(await discovered()).toEqual([["box-1", "blue"]]);

    await cfn.call("UpdateStack", { StackName: "map", TemplateBody: template(60, "green") });
    expect((await stack()).StackStatus).toBe("UPDATE_COMPLETE");
    expect((await sd.call("GetService", { Id: out.ApiId })).Service.DnsConfig.DnsRecords).toEqual([{ Type: "A", TTL: 60 }]);
    expect(await discovered()).toEqual([["box-1", "green"]]);

    await cfn.call("DeleteStack", { StackName: "map" });
    expect((await sd.error("GetNamespace", { Id: out.NsId })).code).toBe("NamespaceNotFound");
    expect((await sd.call("ListNamespaces", { Filters: [{ Name: "NAME", Values: ["stack-http"] }] })).Namespaces).toEqual([]);
  });
});

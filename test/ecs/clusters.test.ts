// CreateCluster, DescribeClusters, ListClusters, DeleteCluster, UpdateCluster, UpdateClusterSettings.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SUBNET_A, fargateTaskDefinition } from "../helpers/fixtures.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());
beforeEach(() => t.local.reset());

const ARN = "arn:aws:ecs:us-east-1:000000000000:cluster";

async function registerInstance(cluster: string): Promise<string> {
  const doc = JSON.stringify({ instanceId: `i-${Math.random().toString(16).slice(2, 19).padEnd(17, "0")}`, instanceType: "t3.micro", availabilityZone: "us-east-1a", region: "us-east-1" });
  const r = await t.ecs("RegisterContainerInstance", {
    cluster,
    instanceIdentityDocument: doc,
    totalResources: [
      { name: "CPU", type: "INTEGER", integerValue: 1024 },
      { name: "MEMORY", type: "INTEGER", integerValue: 1024 },
    ],
  });
  return r.containerInstance!.containerInstanceArn!;
}

const describe1 = async (cluster: string, include?: ("TAGS" | "SETTINGS" | "STATISTICS" | "CONFIGURATIONS" | "ATTACHMENTS")[]) =>
  (await t.ecs("DescribeClusters", { clusters: [cluster], ...(include ? { include } : {}) })).clusters![0];

describe("validation", () => {
  it("refuses a cluster name outside letters, digits, hyphens and underscores", async () => {
    for (const name of ["my.cluster", "with space", "x".repeat(256), ""]) {
      const e = await t.ecsError("CreateCluster", { clusterName: name });
      expect(e).toEqual({ status: 400, code: "InvalidParameterException", message: `Cluster name must match ^[a-zA-Z0-9\\-_]{1,255}$, but was ${name}` });
    }
    expect((await t.ecs("ListClusters", {})).clusterArns).toEqual([]);
  });

  it("accepts a 255-character name with hyphens and underscores", async () => {
    const name = `a-_${"b".repeat(252)}`;
    const r = await t.ecs("CreateCluster", { clusterName: name });
    expect(r.cluster!.clusterName).toBe(name);
  });

  it("refuses a Container Insights value ECS does not know, storing nothing", async () => {
    const e = await t.ecsError("CreateCluster", { clusterName: "c", settings: [{ name: "containerInsights", value: "maybe" }] });
    expect(e.code).toBe("InvalidParameterException");
    expect((await t.ecs("ListClusters", {})).clusterArns).toEqual([]);
  });

  it("refuses reserved tag keys and stores nothing", async () => {
    const e = await t.ecsError("CreateCluster", { clusterName: "c", tags: [{ key: "aws:owner", value: "x" }] });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: "Tag keys prefixed with 'aws:' are reserved for AWS use." });
    expect((await t.ecs("ListClusters", {})).clusterArns).toEqual([]);
  });

  it("refuses maxResults outside 1 to 100 and a token it did not issue", async () => {
    expect(await t.ecsError("ListClusters", { maxResults: 0 })).toMatchObject({ code: "InvalidParameterException", message: "maxResults must be between 1 and 100." });
    expect(await t.ecsError("ListClusters", { maxResults: 101 })).toMatchObject({ code: "InvalidParameterException" });
    expect(await t.ecsError("ListClusters", { nextToken: "garbage" })).toMatchObject({ code: "InvalidParameterException", message: "Invalid token" });
  });

  it("needs a cluster and settings for UpdateClusterSettings", async () => {
    expect((await t.ecsError("UpdateClusterSettings", { cluster: "c" })).code).toBe("ValidationException");
    expect((await t.ecsError("UpdateCluster", {})).code).toBe("ValidationException");
  });
});

describe("errors", () => {
  it("answers an unknown or deleted cluster with ClusterNotFoundException", async () => {
    for (const op of ["DeleteCluster", "UpdateCluster", "UpdateClusterSettings"] as const) {
      const e = await t.ecsError(op, { cluster: "nope", settings: [{ name: "containerInsights", value: "enabled" }] });
      expect(e).toEqual({ status: 400, code: "ClusterNotFoundException", message: "Cluster not found." });
    }
    await t.ecs("CreateCluster", { clusterName: "gone" });
    await t.ecs("DeleteCluster", { cluster: "gone" });
    expect(await t.ecsError("DeleteCluster", { cluster: "gone" })).toMatchObject({ code: "ClusterNotFoundException", message: "Cluster not found." });
    expect(await t.ecsError("UpdateClusterSettings", { cluster: "gone", settings: [] })).toMatchObject({ code: "ClusterNotFoundException" });
  });

  it("refuses to delete a cluster with registered container instances", async () => {
    await t.ecs("CreateCluster", { clusterName: "c" });
    const ci = await registerInstance("c");
    const e = await t.ecsError("DeleteCluster", { cluster: "c" });
    expect(e).toEqual({ status: 400, code: "ClusterContainsContainerInstancesException", message: "The Cluster cannot be deleted while Container Instances are active or draining." });
    expect((await describe1("c")).status).toBe("ACTIVE");
    await t.ecs("DeregisterContainerInstance", { cluster: "c", containerInstance: ci });
    expect((await t.ecs("DeleteCluster", { cluster: "c" })).cluster!.status).toBe("INACTIVE");
  });

  it("refuses to delete a cluster whose tasks are still active", async () => {
    await t.ecs("CreateCluster", { clusterName: "c" });
    await t.ecs("RegisterTaskDefinition", fargateTaskDefinition());
    const run = await t.ecs("RunTask", { cluster: "c", taskDefinition: "fg", launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A] } } });
    const e = await t.ecsError("DeleteCluster", { cluster: "c" });
    expect(e).toEqual({ status: 400, code: "ClusterContainsTasksException", message: "The Cluster cannot be deleted while Tasks are active." });
    expect((await describe1("c")).status).toBe("ACTIVE");
    await t.ecs("StopTask", { cluster: "c", task: run.tasks![0].taskArn! });
    t.advance(0);
    expect((await t.ecs("DeleteCluster", { cluster: "c" })).cluster!.status).toBe("INACTIVE");
  });

  it("answers a reference to another resource type as ECS does", async () => {
    const e = await t.ecsError("DeleteCluster", { cluster: "arn:aws:ecs:us-east-1:000000000000:service/c/s" });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: "Unsupported resource type: service" });
  });
});

describe("CreateCluster", () => {
  it("creates the cluster named default when no name is given", async () => {
    const r = await t.ecs("CreateCluster", {});
    expect(r.cluster).toEqual({
      clusterArn: `${ARN}/default`,
      clusterName: "default",
      status: "ACTIVE",
      registeredContainerInstancesCount: 0,
      runningTasksCount: 0,
      pendingTasksCount: 0,
      activeServicesCount: 0,
      statistics: [],
      tags: [],
      settings: [{ name: "containerInsights", value: "disabled" }],
      capacityProviders: [],
      defaultCapacityProviderStrategy: [],
    });
    expect((await t.ecs("DescribeClusters", {})).clusters![0].clusterName).toBe("default");
  });

  it("answers a second create of the same name with the existing cluster, unchanged", async () => {
    await t.ecs("CreateCluster", { clusterName: "c", tags: [{ key: "team", value: "a" }], settings: [{ name: "containerInsights", value: "enabled" }] });
    const again = await t.ecs("CreateCluster", { clusterName: "c", tags: [{ key: "team", value: "b" }], settings: [{ name: "containerInsights", value: "disabled" }] });
    expect(again.cluster!.tags).toEqual([{ key: "team", value: "a" }]);
    expect(again.cluster!.settings).toEqual([{ name: "containerInsights", value: "enabled" }]);
    expect((await t.ecs("ListClusters", {})).clusterArns).toEqual([`${ARN}/c`]);
  });

  it("answers with the tags, settings and configuration it was given", async () => {
    const configuration = { executeCommandConfiguration: { logging: "DEFAULT" as const } };
    const r = await t.ecs("CreateCluster", {
      clusterName: "c",
      tags: [{ key: "k1", value: "v1" }, { key: "k2", value: "v2" }],
      settings: [{ name: "containerInsights", value: "enhanced" }],
      configuration,
      capacityProviders: ["FARGATE"],
      defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1, base: 0 }],
    });
    expect(r.cluster).toMatchObject({
      tags: [{ key: "k1", value: "v1" }, { key: "k2", value: "v2" }],
      settings: [{ name: "containerInsights", value: "enhanced" }],
      configuration,
      capacityProviders: ["FARGATE"],
      defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1, base: 0 }],
    });
  });

  it("takes Container Insights from the account setting when the request names none", async () => {
    await t.ecs("PutAccountSettingDefault", { name: "containerInsights", value: "enabled" });
    const r = await t.ecs("CreateCluster", { clusterName: "c" });
    expect(r.cluster!.settings).toEqual([{ name: "containerInsights", value: "enabled" }]);
  });

  it("gives a Service Connect namespace name a stable Cloud Map ARN", async () => {
    const a = await t.ecs("CreateCluster", { clusterName: "a", serviceConnectDefaults: { namespace: "shop" } });
    const b = await t.ecs("CreateCluster", { clusterName: "b", serviceConnectDefaults: { namespace: "shop" } });
    expect(a.cluster!.serviceConnectDefaults!.namespace).toMatch(/^arn:aws:servicediscovery:us-east-1:000000000000:namespace\/ns-[a-z2-7]{16}$/);
    expect(b.cluster!.serviceConnectDefaults).toEqual(a.cluster!.serviceConnectDefaults);
  });

  it("keeps clusters apart by account and region", async () => {
    await t.ecs("CreateCluster", { clusterName: "c" }, { region: "eu-west-1" });
    expect((await t.ecs("ListClusters", {})).clusterArns).toEqual([]);
    expect((await t.ecs("ListClusters", {}, { region: "eu-west-1" })).clusterArns).toEqual(["arn:aws:ecs:eu-west-1:000000000000:cluster/c"]);
  });
});

describe("DescribeClusters", () => {
  beforeEach(async () => {
    await t.ecs("CreateCluster", {
      clusterName: "c",
      tags: [{ key: "team", value: "a" }],
      configuration: { executeCommandConfiguration: { logging: "NONE" } },
    });
  });

  it("leaves configuration and tags out unless asked for, and answers settings as an empty list", async () => {
    const c = await describe1("c");
    expect(c).toEqual({
      clusterArn: `${ARN}/c`,
      clusterName: "c",
      status: "ACTIVE",
      registeredContainerInstancesCount: 0,
      runningTasksCount: 0,
      pendingTasksCount: 0,
      activeServicesCount: 0,
      statistics: [],
      tags: [],
      settings: [],
      capacityProviders: [],
      defaultCapacityProviderStrategy: [],
    });
  });

  it("adds each part include asks for", async () => {
    expect((await describe1("c", ["TAGS"])).tags).toEqual([{ key: "team", value: "a" }]);
    expect((await describe1("c", ["SETTINGS"])).settings).toEqual([{ name: "containerInsights", value: "disabled" }]);
    expect((await describe1("c", ["CONFIGURATIONS"])).configuration).toEqual({ executeCommandConfiguration: { logging: "NONE" } });
    const stats = (await describe1("c", ["STATISTICS"])).statistics!;
    expect(stats.map((s) => s.name)).toEqual([
      "runningEC2TasksCount",
      "runningFargateTasksCount",
      "pendingEC2TasksCount",
      "pendingFargateTasksCount",
      "activeEC2ServiceCount",
      "activeFargateServiceCount",
      "drainingEC2ServiceCount",
      "drainingFargateServiceCount",
    ]);
    expect(stats.every((s) => s.value === "0")).toBe(true);
    const attachments = await describe1("c", ["ATTACHMENTS"]);
    expect(attachments.attachments).toBeUndefined();
    const all = await describe1("c", ["TAGS", "SETTINGS", "CONFIGURATIONS"]);
    expect(all).toMatchObject({ tags: [{ key: "team", value: "a" }], settings: [{ name: "containerInsights", value: "disabled" }], configuration: {} });
  });

  it("reports unknown clusters as MISSING failures, by name and by ARN, beside found ones", async () => {
    const r = await t.ecs("DescribeClusters", { clusters: ["c", "nope", "arn:aws:ecs:us-east-1:000000000000:cluster/other"] });
    expect(r.clusters!.map((c) => c.clusterName)).toEqual(["c"]);
    expect(r.failures).toEqual([
      { arn: `${ARN}/nope`, reason: "MISSING" },
      { arn: `${ARN}/other`, reason: "MISSING" },
    ]);
  });

  it("finds a cluster by its ARN", async () => {
    expect((await describe1(`${ARN}/c`)).clusterName).toBe("c");
  });

  it("describes the default cluster when none is named", async () => {
    const r = await t.ecs("DescribeClusters", {});
    expect(r).toEqual({ clusters: [], failures: [{ arn: `${ARN}/default`, reason: "MISSING" }] });
  });

  it("still describes a deleted cluster, as INACTIVE", async () => {
    await t.ecs("DeleteCluster", { cluster: "c" });
    const c = await describe1("c");
    expect(c.status).toBe("INACTIVE");
    expect(c.clusterArn).toBe(`${ARN}/c`);
  });
});

describe("ListClusters", () => {
  it("pages through every cluster with maxResults and nextToken", async () => {
    const names = Array.from({ length: 7 }, (_, i) => `c${i}`);
    for (const n of names) await t.ecs("CreateCluster", { clusterName: n });
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const r = await t.ecs("ListClusters", { maxResults: 3, ...(nextToken ? { nextToken } : {}) });
      expect(r.clusterArns!.length).toBeLessThanOrEqual(3);
      seen.push(...r.clusterArns!);
      nextToken = r.nextToken;
      pages++;
    } while (nextToken);
    expect(pages).toBe(3);
    expect(seen).toEqual(names.map((n) => `${ARN}/${n}`));
  });

  it("lists deleted clusters until their retention passes, then leaves them out", async () => {
    for (const n of ["a", "b", "c"]) await t.ecs("CreateCluster", { clusterName: n });
    await t.ecs("DeleteCluster", { cluster: `${ARN}/b` });
    expect((await t.ecs("ListClusters", {})).clusterArns).toEqual([`${ARN}/a`, `${ARN}/b`, `${ARN}/c`]);
    t.advance(3_600_000);
    expect((await t.ecs("ListClusters", {})).clusterArns).toEqual([`${ARN}/a`, `${ARN}/c`]);
  });
});

describe("DeleteCluster", () => {
  it("answers with the cluster as INACTIVE", async () => {
    await t.ecs("CreateCluster", { clusterName: "c", tags: [{ key: "k", value: "v" }] });
    const r = await t.ecs("DeleteCluster", { cluster: "c" });
    expect(r.cluster).toMatchObject({ clusterName: "c", status: "INACTIVE", tags: [{ key: "k", value: "v" }] });
  });

  it("lets the name be created again as a fresh ACTIVE cluster", async () => {
    await t.ecs("CreateCluster", { clusterName: "c", tags: [{ key: "k", value: "v" }], settings: [{ name: "containerInsights", value: "enabled" }] });
    await t.ecs("DeleteCluster", { cluster: "c" });
    const r = await t.ecs("CreateCluster", { clusterName: "c" });
    expect(r.cluster).toMatchObject({ status: "ACTIVE", tags: [], settings: [{ name: "containerInsights", value: "disabled" }] });
    expect((await t.ecs("ListClusters", {})).clusterArns).toEqual([`${ARN}/c`]);
  });
});

describe("live counts", () => {
  it("counts registered instances, pending and running tasks as they move", async () => {
    const slow = await startLocal({ timings: { provisioningMs: 1000, pendingMs: 1000, activatingMs: 1000 } as never });
    try {
      await slow.ecs("CreateCluster", { clusterName: "c" });
      const doc = JSON.stringify({ instanceId: "i-0123456789abcdef0", instanceType: "t3.micro", availabilityZone: "us-east-1a", region: "us-east-1" });
      const ci = await slow.ecs("RegisterContainerInstance", {
        cluster: "c",
        instanceIdentityDocument: doc,
        totalResources: [
          { name: "CPU", type: "INTEGER", integerValue: 1024 },
          { name: "MEMORY", type: "INTEGER", integerValue: 1024 },
        ],
      });
      await slow.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [{ name: "web", image: "nginx", cpu: 128, memory: 128 }] });
      await slow.ecs("RunTask", { cluster: "c", taskDefinition: "web", count: 2 });
      const counts = async () => {
        const c = (await slow.ecs("DescribeClusters", { clusters: ["c"], include: ["STATISTICS"] })).clusters![0];
        const stat = (n: string) => c.statistics!.find((s) => s.name === n)!.value;
        return [c.registeredContainerInstancesCount, c.pendingTasksCount, c.runningTasksCount, stat("pendingEC2TasksCount"), stat("runningEC2TasksCount")];
      };
      expect(await counts()).toEqual([1, 2, 0, "2", "0"]);
      slow.advance(1500);
      expect(await counts()).toEqual([1, 2, 0, "2", "0"]);
      slow.advance(2000);
      expect(await counts()).toEqual([1, 0, 2, "0", "2"]);
      await slow.ecs("DeregisterContainerInstance", { cluster: "c", containerInstance: ci.containerInstance!.containerInstanceArn!, force: true });
      expect((await counts())[0]).toBe(0);
    } finally {
      await slow.close();
    }
  });
});

describe("UpdateCluster", () => {
  beforeEach(async () => {
    await t.ecs("CreateCluster", { clusterName: "c", configuration: { executeCommandConfiguration: { logging: "NONE" } } });
  });

  it("changes settings and answers with the full cluster", async () => {
    const r = await t.ecs("UpdateCluster", { cluster: "c", settings: [{ name: "containerInsights", value: "enabled" }] });
    expect(r.cluster).toMatchObject({ clusterName: "c", status: "ACTIVE", statistics: [], tags: [], settings: [{ name: "containerInsights", value: "enabled" }] });
    expect((await describe1("c", ["SETTINGS"])).settings).toEqual([{ name: "containerInsights", value: "enabled" }]);
  });

  it("replaces the configuration parts given and keeps the rest", async () => {
    const kms = { managedStorageConfiguration: { kmsKeyId: "key-1" } };
    await t.ecs("UpdateCluster", { cluster: "c", configuration: kms });
    expect((await describe1("c", ["CONFIGURATIONS"])).configuration).toEqual({ executeCommandConfiguration: { logging: "NONE" }, ...kms });
    const exec = { executeCommandConfiguration: { logging: "OVERRIDE" as const, logConfiguration: { cloudWatchLogGroupName: "g" } } };
    await t.ecs("UpdateCluster", { cluster: `${ARN}/c`, configuration: exec });
    expect((await describe1("c", ["CONFIGURATIONS"])).configuration).toEqual({ ...exec, ...kms });
  });

  it("sets and clears the Service Connect default namespace", async () => {
    const r = await t.ecs("UpdateCluster", { cluster: "c", serviceConnectDefaults: { namespace: "test" } });
    expect(r.cluster!.serviceConnectDefaults!.namespace).toMatch(/^arn:aws:servicediscovery:us-east-1:000000000000:namespace\/ns-/);
    const arn = "arn:aws:servicediscovery:us-east-1:000000000000:namespace/ns-abcdefghijklmnop";
    expect((await t.ecs("UpdateCluster", { cluster: "c", serviceConnectDefaults: { namespace: arn } })).cluster!.serviceConnectDefaults).toEqual({ namespace: arn });
    expect((await t.ecs("UpdateCluster", { cluster: "c", serviceConnectDefaults: { namespace: "" } })).cluster!.serviceConnectDefaults).toBeUndefined();
  });

  it("leaves the cluster untouched when a setting is bad", async () => {
    const e = await t.ecsError("UpdateCluster", { cluster: "c", settings: [{ name: "containerInsights", value: "on" }], configuration: { managedStorageConfiguration: { kmsKeyId: "k" } } });
    expect(e.code).toBe("InvalidParameterException");
    const c = await describe1("c", ["SETTINGS", "CONFIGURATIONS"]);
    expect(c.settings).toEqual([{ name: "containerInsights", value: "disabled" }]);
    expect(c.configuration).toEqual({ executeCommandConfiguration: { logging: "NONE" } });
  });
});

describe("UpdateClusterSettings", () => {
  it("changes Container Insights and answers with the cluster", async () => {
    await t.ecs("CreateCluster", { clusterName: "default" });
    const r = await t.ecs("UpdateClusterSettings", { cluster: "default", settings: [{ name: "containerInsights", value: "enhanced" }] });
    expect(r.cluster).toMatchObject({ clusterName: "default", settings: [{ name: "containerInsights", value: "enhanced" }] });
    expect((await describe1("default", ["SETTINGS"])).settings).toEqual([{ name: "containerInsights", value: "enhanced" }]);
  });

  it("refuses an unknown value and keeps the old one", async () => {
    await t.ecs("CreateCluster", { clusterName: "c" });
    expect((await t.ecsError("UpdateClusterSettings", { cluster: "c", settings: [{ name: "containerInsights", value: "ENABLED" }] })).code).toBe("InvalidParameterException");
    expect((await describe1("c", ["SETTINGS"])).settings).toEqual([{ name: "containerInsights", value: "disabled" }]);
  });
});

describe("cluster references", () => {
  it("refuses a malformed cluster name with ECS's text", async () => {
    const e = await t.ecsError("DescribeServices", { cluster: "not a cluster!", services: ["x"] });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: "Cluster must match ^[a-zA-Z0-9\\-_]{1,255}$, but was not a cluster!" });
  });
});

// Clusters as ECS answers them: settings always present, INACTIVE clusters kept a while, setting and tagging texts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());
beforeEach(() => t.local.reset());

const ARN = "arn:aws:ecs:us-east-1:000000000000:cluster";

describe("DescribeClusters settings", () => {
  it("answers settings [] without include, and the settings with SETTINGS", async () => {
    await t.ecs("CreateCluster", { clusterName: "c", settings: [{ name: "containerInsights", value: "enabled" }] });
    const plain = (await t.ecs("DescribeClusters", { clusters: ["c"] })).clusters![0];
    expect(plain.settings).toEqual([]);
    const withSettings = (await t.ecs("DescribeClusters", { clusters: ["c"], include: ["SETTINGS"] })).clusters![0];
    expect(withSettings.settings).toEqual([{ name: "containerInsights", value: "enabled" }]);
  });
});

describe("INACTIVE clusters", () => {
  it("stay listed and describable for the retention time (an hour by default), then are forgotten", async () => {
    await t.ecs("CreateCluster", { clusterName: "gone" });
    await t.ecs("DeleteCluster", { cluster: "gone" });
    expect((await t.ecs("ListClusters", {})).clusterArns).toEqual([`${ARN}/gone`]);
    expect((await t.ecs("DescribeClusters", { clusters: ["gone"] })).clusters![0].status).toBe("INACTIVE");
    t.advance(3_599_999);
    expect((await t.ecs("ListClusters", {})).clusterArns).toEqual([`${ARN}/gone`]);
    t.advance(1);
    expect((await t.ecs("ListClusters", {})).clusterArns).toEqual([]);
    expect(await t.ecs("DescribeClusters", { clusters: ["gone"] })).toEqual({ clusters: [], failures: [{ arn: `${ARN}/gone`, reason: "MISSING" }] });
  });

  it("follow the configured retention", async () => {
    const quick = await startLocal({ timings: { inactiveClusterRetentionMs: 1000 } as never });
    try {
      await quick.ecs("CreateCluster", { clusterName: "q" });
      await quick.ecs("DeleteCluster", { cluster: "q" });
      expect((await quick.ecs("ListClusters", {})).clusterArns).toEqual([`${ARN}/q`]);
      quick.advance(1000);
      expect((await quick.ecs("ListClusters", {})).clusterArns).toEqual([]);
    } finally {
      await quick.close();
    }
  });

  it("do not take a cluster of the same name created meanwhile with them", async () => {
    await t.ecs("CreateCluster", { clusterName: "again" });
    await t.ecs("DeleteCluster", { cluster: "again" });
    await t.ecs("CreateCluster", { clusterName: "again" });
    t.advance(3_600_000);
    expect((await t.ecs("DescribeClusters", { clusters: ["again"] })).clusters![0].status).toBe("ACTIVE");
  });

  it("refuse tagging with ECS's text", async () => {
    await t.ecs("CreateCluster", { clusterName: "old" });
    await t.ecs("DeleteCluster", { cluster: "old" });
    const e = await t.ecsError("TagResource", { resourceArn: `${ARN}/old`, tags: [{ key: "k", value: "v" }] });
    expect(`${e.code}: ${e.message}`).toBe("InvalidParameterException: The specified cluster is inactive. Specify an active cluster and try again.");
  });
});

describe("cluster setting values", () => {
  it("answers a bad value with \"Invalid setting 'value'\" on create, update and update-settings, changing nothing", async () => {
    const bad = [{ name: "containerInsights" as const, value: "enhaced" }];
    const created = await t.ecsError("CreateCluster", { clusterName: "s", settings: bad });
    expect(`${created.code}: ${created.message}`).toBe("InvalidParameterException: Invalid setting 'value'");
    expect((await t.ecs("ListClusters", {})).clusterArns).toEqual([]);
    await t.ecs("CreateCluster", { clusterName: "s" });
    for (const op of ["UpdateCluster", "UpdateClusterSettings"] as const) {
      const e = await t.ecsError(op, { cluster: "s", settings: bad });
      expect(`${e.code}: ${e.message}`).toBe("InvalidParameterException: Invalid setting 'value'");
    }
    const c = (await t.ecs("DescribeClusters", { clusters: ["s"], include: ["SETTINGS"] })).clusters![0];
    expect(c.settings).toEqual([{ name: "containerInsights", value: "disabled" }]);
  });
});

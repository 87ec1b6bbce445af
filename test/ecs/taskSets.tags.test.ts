// Task sets are taggable: TagResource, UntagResource and ListTagsForResource on a task set's ARN.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { registerInstance } from "../helpers/fixtures.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());

const CLUSTER = "ext";
let arn = "";
beforeEach(async () => {
  t.local.reset();
  await t.ecs("CreateCluster", { clusterName: CLUSTER });
  await t.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [{ name: "web", image: "nginx", memory: 64 }] });
  await registerInstance(t, CLUSTER, "us-east-1a", 2048, 4096);
  await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "s", desiredCount: 1, deploymentController: { type: "EXTERNAL" } });
  arn = (await t.ecs("CreateTaskSet", { cluster: CLUSTER, service: "s", taskDefinition: "web", tags: [{ key: "team", value: "a" }] })).taskSet!.taskSetArn!;
});

describe("task set tags", () => {
  it("lists, adds and removes tags on a task set's ARN", async () => {
    expect(arn).toMatch(/^arn:aws:ecs:us-east-1:000000000000:task-set\/ext\/s\/ecs-svc\/\d{19}$/);
    expect((await t.ecs("ListTagsForResource", { resourceArn: arn })).tags).toEqual([{ key: "team", value: "a" }]);
    await t.ecs("TagResource", { resourceArn: arn, tags: [{ key: "env", value: "test" }, { key: "team", value: "b" }] });
    expect((await t.ecs("ListTagsForResource", { resourceArn: arn })).tags).toEqual([
      { key: "team", value: "b" },
      { key: "env", value: "test" },
    ]);
    await t.ecs("UntagResource", { resourceArn: arn, tagKeys: ["team"] });
    expect((await t.ecs("ListTagsForResource", { resourceArn: arn })).tags).toEqual([{ key: "env", value: "test" }]);
    const described = await t.ecs("DescribeTaskSets", { cluster: CLUSTER, service: "s", taskSets: [arn], include: ["TAGS"] });
    expect(described.taskSets![0].tags).toEqual([{ key: "env", value: "test" }]);
  });

  it("answers a task set that does not exist as ECS answers a missing resource", async () => {
    const ghost = arn.replace(/\d{19}$/, "1234567890123456789");
    const e = await t.ecsError("TagResource", { resourceArn: ghost, tags: [{ key: "k", value: "v" }] });
    expect(e.code).toBe("ResourceNotFoundException");
    const other = await t.ecsError("ListTagsForResource", { resourceArn: ghost.replace("/ext/", "/nowhere/") });
    expect(`${other.code}: ${other.message}`).toBe("ClusterNotFoundException: Cluster not found.");
  });
});

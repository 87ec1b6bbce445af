// TagResource, UntagResource and ListTagsForResource on every taggable resource type.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";

const P = "arn:aws:ecs:us-east-1:000000000000";
let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());

interface Arns {
  cluster: string;
  instance: string;
  taskDefinition: string;
  task: string;
  service: string;
}
let arns: Arns;

/** A service as the store holds it; CreateService is another operation's concern. */
function seedService(name: string): string {
  const state = t.local.ecs.states.get("000000000000", "us-east-1");
  const arn = `${P}:service/tags/${name}`;
  state.clusters.get("tags")!.services.set(name, { service: { serviceArn: arn, serviceName: name, clusterArn: `${P}:cluster/tags`, status: "ACTIVE" } } as any);
  return arn;
}

beforeEach(async () => {
  t.local.reset();
  const cluster = (await t.ecs("CreateCluster", { clusterName: "tags" })).cluster!.clusterArn!;
  const instance = (await t.ecs("RegisterContainerInstance", { cluster: "tags" })).containerInstance!.containerInstanceArn!;
  const td = await t.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [{ name: "web", image: "nginx", memory: 128 }] });
  const task = (await t.ecs("StartTask", { cluster: "tags", taskDefinition: "web", containerInstances: [instance] })).tasks![0].taskArn!;
  arns = { cluster, instance, taskDefinition: td.taskDefinition!.taskDefinitionArn!, task, service: seedService("api") };
});

const tagsOf = (arn: string) => t.ecs("ListTagsForResource", { resourceArn: arn }).then((r) => r.tags);

describe("validation", () => {
  it("requires resourceArn, tags and tagKeys", async () => {
    expect((await t.ecsError("TagResource", { resourceArn: arns.cluster })).code).toBe("ValidationException");
    expect((await t.ecsError("UntagResource", { resourceArn: arns.cluster })).code).toBe("ValidationException");
    expect((await t.ecsError("ListTagsForResource", {})).code).toBe("ValidationException");
  });

  it("refuses reserved keys and leaves existing tags untouched", async () => {
    await t.ecs("TagResource", { resourceArn: arns.cluster, tags: [{ key: "team", value: "a" }] });
    const e = await t.ecsError("TagResource", { resourceArn: arns.cluster, tags: [{ key: "team", value: "b" }, { key: "aws:x", value: "y" }] });
    expect(e).toEqual({ status: 400, code: "InvalidParameterException", message: "Tag keys prefixed with 'aws:' are reserved for AWS use." });
    expect(await tagsOf(arns.cluster)).toEqual([{ key: "team", value: "a" }]);
  });

  it("refuses more than 50 tags on a resource", async () => {
    const tags = Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    await t.ecs("TagResource", { resourceArn: arns.task, tags });
    const more = Array.from({ length: 30 }, (_, i) => ({ key: `m${i}`, value: "v" }));
    const e = await t.ecsError("TagResource", { resourceArn: arns.task, tags: more });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: "Maximum number of tags (50) exceeded." });
    expect(await tagsOf(arns.task)).toHaveLength(30);
  });
});

describe("errors", () => {
  it("refuses an ARN that is not an ECS ARN", async () => {
    for (const op of ["TagResource", "UntagResource", "ListTagsForResource"] as const) {
      const e = await t.ecsError(op, { resourceArn: "arn:aws:ecr:us-east-1:000000000000:repository/web", tags: [{ key: "a", value: "b" }], tagKeys: ["a"] });
      expect(e).toEqual({ status: 400, code: "InvalidParameterException", message: "The ARN provided is invalid." });
    }
    expect(await t.ecsError("ListTagsForResource", { resourceArn: "tags" })).toMatchObject({ message: "The ARN provided is invalid." });
  });

  it("refuses resource types ECS does not tag", async () => {
    const e = await t.ecsError("ListTagsForResource", { resourceArn: `${P}:container/tags/abc/def` });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: "Unsupported resource type: container" });
  });

  it("refuses short-form ARNs of services, tasks and instances", async () => {
    const e = await t.ecsError("TagResource", { resourceArn: `${P}:service/api`, tags: [{ key: "a", value: "b" }] });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: "Long arn format must be used for tagging operations" });
  });

  it("answers ClusterNotFoundException for a missing cluster, in this account and region only", async () => {
    const want = { status: 400, code: "ClusterNotFoundException", message: "Cluster not found." };
    expect(await t.ecsError("ListTagsForResource", { resourceArn: `${P}:cluster/nope` })).toEqual(want);
    expect(await t.ecsError("TagResource", { resourceArn: `${P}:task/nope/0123456789abcdef0123456789abcdef`, tags: [{ key: "a", value: "b" }] })).toEqual(want);
    expect(await t.ecsError("ListTagsForResource", { resourceArn: arns.cluster.replace("us-east-1", "eu-west-1") })).toEqual(want);
  });

  it("answers a missing resource in an existing cluster", async () => {
    const missingTask = `${P}:task/tags/0123456789abcdef0123456789abcdef`;
    expect(await t.ecsError("TagResource", { resourceArn: missingTask, tags: [{ key: "a", value: "b" }] })).toEqual({
      status: 400,
      code: "ResourceNotFoundException",
      message: "The specified resource wasn't found.",
    });
    expect(await t.ecsError("UntagResource", { resourceArn: `${P}:service/tags/nope`, tagKeys: ["a"] })).toMatchObject({ code: "ResourceNotFoundException" });
    expect(await t.ecsError("ListTagsForResource", { resourceArn: `${P}:task-definition/web:9` })).toMatchObject({
      code: "InvalidParameterException",
      message: "The specified resource wasn't found.",
    });
    expect(await t.ecsError("TagResource", { resourceArn: `${P}:capacity-provider/cp`, tags: [{ key: "a", value: "b" }] })).toMatchObject({ code: "ResourceNotFoundException" });
    expect(await tagsOf(arns.task)).toEqual([]);
  });
});

describe("functionality", () => {
  it("tags, lists and untags every resource type", async () => {
    for (const [kind, arn] of Object.entries(arns)) {
      await t.ecs("TagResource", { resourceArn: arn, tags: [{ key: "kind", value: kind }, { key: "env", value: "dev" }] });
      expect(await tagsOf(arn)).toEqual([{ key: "kind", value: kind }, { key: "env", value: "dev" }]);
      await t.ecs("TagResource", { resourceArn: arn, tags: [{ key: "env", value: "prod" }] });
      expect(await tagsOf(arn)).toEqual([{ key: "kind", value: kind }, { key: "env", value: "prod" }]);
      await t.ecs("UntagResource", { resourceArn: arn, tagKeys: ["kind", "absent"] });
      expect(await tagsOf(arn)).toEqual([{ key: "env", value: "prod" }]);
    }
  });

  it("keeps each resource's tags apart and shows them where resources are described with TAGS", async () => {
    await t.ecs("TagResource", { resourceArn: arns.instance, tags: [{ key: "role", value: "worker" }] });
    expect(await tagsOf(arns.cluster)).toEqual([]);
    const d = await t.ecs("DescribeContainerInstances", { cluster: "tags", containerInstances: [arns.instance], include: ["TAGS"] });
    expect(d.containerInstances![0].tags).toEqual([{ key: "role", value: "worker" }]);
    const c = await t.ecs("DescribeClusters", { clusters: ["tags"], include: ["TAGS"] });
    expect(c.clusters![0].tags).toEqual([]);
  });

  it("tags an INACTIVE task definition revision too", async () => {
    await t.ecs("DeregisterTaskDefinition", { taskDefinition: "web:1" });
    await t.ecs("TagResource", { resourceArn: arns.taskDefinition, tags: [{ key: "a", value: "b" }] });
    expect(await tagsOf(arns.taskDefinition)).toEqual([{ key: "a", value: "b" }]);
  });
});

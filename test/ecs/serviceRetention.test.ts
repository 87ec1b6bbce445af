// A deleted service stays INACTIVE and describable for a while, then is forgotten, so a long run
// that creates and deletes services does not keep every one of them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fargateTaskDefinition, SUBNETS } from "../helpers/fixtures.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

const RETENTION = 60_000;
let t: TestLocal;
beforeEach(async () => {
  t = await startLocal({ timings: { inactiveServiceRetentionMs: RETENTION } as never });
  await t.ecs("CreateCluster", { clusterName: "c" });
  await t.ecs("RegisterTaskDefinition", fargateTaskDefinition());
});
afterEach(() => t.close());

const create = (name: string) =>
  t.ecs("CreateService", { cluster: "c", serviceName: name, taskDefinition: "fg", desiredCount: 1, launchType: "FARGATE", networkConfiguration: SUBNETS, tags: [{ key: "k", value: "v" }] });
const describe1 = (name: string) => t.ecs("DescribeServices", { cluster: "c", services: [name] });

describe("INACTIVE services", () => {
  it("are describable until the retention ends, then answer MISSING and their tags are gone", async () => {
    const arn = (await create("api")).service!.serviceArn!;
    await t.ecs("DeleteService", { cluster: "c", service: "api", force: true });
    expect((await describe1("api")).services![0].status).toBe("INACTIVE");
    t.advance(RETENTION - 1);
    expect((await describe1("api")).services![0].status).toBe("INACTIVE");
    t.advance(1);
    const after = await describe1("api");
    expect(after.services).toEqual([]);
    // A service named without its ARN is reported MISSING by an ARN without the cluster, as ECS does.
    expect(after.failures).toEqual([{ arn: "arn:aws:ecs:us-east-1:000000000000:service/api", reason: "MISSING" }]);
    expect(t.local.ecs.states.get("000000000000", "us-east-1").tags.has(arn)).toBe(false);
  });

  it("a service created again under the same name is not forgotten with the old one", async () => {
    await create("api");
    await t.ecs("DeleteService", { cluster: "c", service: "api", force: true });
    t.advance(RETENTION / 2);
    await create("api");
    t.advance(RETENTION);
    expect((await describe1("api")).services![0].status).toBe("ACTIVE");
  });
});

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

  it("answer every read as they did while DRAINING once the scheduler's state is let go, and a service of their name starts afresh", async () => {
    // Long enough a drain to read the service while DRAINING, after its task stopped.
    t.local.config.timings.serviceDrainMs = 10_000;
    await create("api");
    await t.ecs("UpdateService", { cluster: "c", service: "api", desiredCount: 0 });
    t.advance(1_000);
    await t.ecs("DeleteService", { cluster: "c", service: "api" });
    t.advance(1_000);
    const reads = async () => {
      const svc = (await describe1("api")).services![0];
      const list = await t.ecs("ListServiceDeployments", { cluster: "c", service: "api" });
      const arns = list.serviceDeployments!.map((d) => d.serviceDeploymentArn!);
      const deployments = await t.ecs("DescribeServiceDeployments", { serviceDeploymentArns: arns });
      const revisions = await t.ecs("DescribeServiceRevisions", { serviceRevisionArns: deployments.serviceDeployments!.map((d) => d.targetServiceRevision!.arn!) });
      return { svc, list, deployments, revisions };
    };
    const draining = await reads();
    expect(draining.svc.status).toBe("DRAINING");
    expect(draining.revisions.serviceRevisions).toHaveLength(1);
    t.advance(10_000);
    const inactive = await reads();
    expect(inactive.svc.status).toBe("INACTIVE");
    // Turning INACTIVE touches the deployments' updatedAt, as it always did; nothing else moves.
    expect(inactive.svc.deployments![0].updatedAt).not.toEqual(draining.svc.deployments![0].updatedAt);
    expect({ ...inactive, svc: { ...inactive.svc, status: "DRAINING", deployments: draining.svc.deployments } }).toEqual(draining);
    await create("api");
    t.advance(1_000);
    const again = (await describe1("api")).services![0];
    expect([again.status, again.runningCount, again.events!.length]).toEqual(["ACTIVE", 1, 3]);
  });
});

// Two servers in one process share nothing: not resources, not ids, not addresses, not caches;
// and a seed makes a server's ids the same from run to run.
import { afterEach, describe, expect, it } from "vitest";
import { fargateTaskDefinition, SUBNETS } from "./helpers/fixtures.js";
import { startLocal, type TestLocal } from "./helpers/local.js";


const open: TestLocal[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

async function server(seed?: string): Promise<TestLocal> {
  const t = await startLocal(seed === undefined ? {} : { seed });
  open.push(t);
  return t;
}

/** The ids and addresses one scripted session makes: a service's deployment, three Fargate tasks and their ENIs. */
async function session(t: TestLocal): Promise<string[]> {
  await t.ecs("CreateCluster", { clusterName: "c" });
  await t.ecs("RegisterTaskDefinition", fargateTaskDefinition());
  const run = await t.ecs("RunTask", { cluster: "c", taskDefinition: "fg", launchType: "FARGATE", count: 3, networkConfiguration: SUBNETS });
  const svc = await t.ecs("CreateService", { cluster: "c", serviceName: "s", taskDefinition: "fg", desiredCount: 1, launchType: "FARGATE", networkConfiguration: SUBNETS });
  const ids: string[] = [svc.service!.deployments![0].id!];
  for (const task of run.tasks!) {
    ids.push(task.taskArn!, task.containers![0].containerArn!, task.attachments![0].id!);
    ids.push(...task.attachments![0].details!.map((d) => d.value!));
  }
  return ids;
}

describe("servers in one process", () => {
  it("do not see each other's resources", async () => {
    const a = await server();
    const b = await server();
    await a.ecs("CreateCluster", { clusterName: "only-in-a" });
    await a.ecs("RegisterTaskDefinition", fargateTaskDefinition("fam-a"));
    expect((await b.ecs("ListClusters", {})).clusterArns).toEqual([]);
    expect((await b.ecs("ListTaskDefinitionFamilies", {})).families).toEqual([]);
    expect((await a.ecs("ListClusters", {})).clusterArns).toHaveLength(1);
  });

  it("with the same seed make the same ids and addresses; unseeded or seeded apart, different ones", async () => {
    const [a, b] = [await server("seed-1"), await server("seed-1")];
    // Interleaved: if either drew from a shared sequence, the other's ids would shift.
    const [idsA, idsB] = await Promise.all([session(a), session(b)]);
    expect(idsA).toEqual(idsB);
    expect(idsA.every((id) => id.length > 0)).toBe(true);

    const other = await session(await server("seed-2"));
    const unseeded = await session(await server());
    for (const ids of [other, unseeded]) {
      const taskArns = ids.filter((id) => id.includes(":task/"));
      expect(taskArns.some((arn) => idsA.includes(arn))).toBe(false);
    }
  });

  it("keep their own address sequence: one server's tasks do not move the other's", async () => {
    const a = await server("s");
    const b = await server("s");
    await a.ecs("CreateCluster", { clusterName: "c" });
    await a.ecs("RegisterTaskDefinition", fargateTaskDefinition());
    await a.ecs("RunTask", { cluster: "c", taskDefinition: "fg", launchType: "FARGATE", count: 10, networkConfiguration: SUBNETS });
    const first = async (t: TestLocal): Promise<string> => {
      await t.ecs("CreateCluster", { clusterName: "d" });
      await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("x"));
      const r = await t.ecs("RunTask", { cluster: "d", taskDefinition: "x", launchType: "FARGATE", networkConfiguration: SUBNETS });
      // The address is given when the interface is attached, after RunTask answered.
      const d = await t.ecs("DescribeTasks", { cluster: "d", tasks: [r.tasks![0].taskArn!] });
      return d.tasks![0].containers![0].networkInterfaces![0].privateIpv4Address!;
    };
    const fresh = await server("t");
    expect(await first(b)).toBe(await first(fresh));
  });

  it("a reset of one leaves the other's tasks and their cached descriptions alone", async () => {
    const [a, b] = [await server(), await server()];
    for (const t of [a, b]) {
      await t.ecs("CreateCluster", { clusterName: "c" });
      await t.ecs("RegisterTaskDefinition", fargateTaskDefinition());
    }
    const run = await b.ecs("RunTask", { cluster: "c", taskDefinition: "fg", launchType: "FARGATE", networkConfiguration: SUBNETS });
    const arn = run.tasks![0].taskArn!;
    expect((await b.ecs("DescribeTasks", { cluster: "c", tasks: [arn] })).tasks).toHaveLength(1);
    a.local.reset();
    const again = await b.ecs("DescribeTasks", { cluster: "c", tasks: [arn] });
    expect(again.tasks![0].taskArn).toBe(arn);
    expect(a.local.ecs.taskJson).not.toBe(b.local.ecs.taskJson);
    expect(a.local.ecs.ids).not.toBe(b.local.ecs.ids);
  });
});

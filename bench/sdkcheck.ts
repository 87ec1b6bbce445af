// The correctness pass: the real SDK runs every phase's operation once against a target and checks
// the answers, so a fast wrong answer cannot pass for a fast right one.
import * as ecs from "@aws-sdk/client-ecs";
import { CREDENTIALS, REGION, type Target } from "./targets.js";
import { CONTAINER, INSTANCE_RESOURCES, instanceDocument } from "./workload.js";

export interface SdkCheck {
  phase: string;
  ok: boolean;
  detail: string;
}

function expect(cond: unknown, what: string): void {
  if (!cond) throw new Error(what);
}

export async function sdkCheck(target: Target, instanceIds: string[]): Promise<SdkCheck[]> {
  const client = new ecs.ECSClient({ endpoint: target.origin, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
  const cluster = "sdk-check";
  const family = "sdk-check-app";
  const results: SdkCheck[] = [];
  const check = async (phase: string, body: () => Promise<string>): Promise<void> => {
    try {
      results.push({ phase, ok: true, detail: await body() });
    } catch (e) {
      const err = e as Error & { name?: string };
      results.push({ phase, ok: false, detail: `${err.name ?? "Error"}: ${err.message}`.slice(0, 300) });
    }
  };
  const arns: string[] = [];

  await check("setup (CreateCluster)", async () => {
    const out = await client.send(new ecs.CreateClusterCommand({ clusterName: cluster }));
    expect(out.cluster?.status === "ACTIVE", `cluster status ${out.cluster?.status}`);
    return out.cluster!.clusterArn!;
  });
  await check("RegisterTaskDefinition", async () => {
    const a = await client.send(new ecs.RegisterTaskDefinitionCommand({ family, containerDefinitions: [CONTAINER] }));
    const b = await client.send(new ecs.RegisterTaskDefinitionCommand({ family, containerDefinitions: [CONTAINER] }));
    expect(a.taskDefinition?.status === "ACTIVE", `status ${a.taskDefinition?.status}`);
    expect(b.taskDefinition?.revision === (a.taskDefinition?.revision ?? 0) + 1, `revisions ${a.taskDefinition?.revision} then ${b.taskDefinition?.revision}`);
    return b.taskDefinition!.taskDefinitionArn!;
  });
  await check("RegisterContainerInstance", async () => {
    const doc = instanceDocument(instanceIds, instanceIds.length - 1);
    const out = await client.send(new ecs.RegisterContainerInstanceCommand({ cluster, instanceIdentityDocument: doc, totalResources: INSTANCE_RESOURCES }));
    const ci = out.containerInstance;
    expect(ci?.status === "ACTIVE", `status ${ci?.status}`);
    expect(ci?.ec2InstanceId === JSON.parse(doc).instanceId, `ec2InstanceId ${ci?.ec2InstanceId}`);
    return ci!.containerInstanceArn!;
  });
  await check("RunTask (count 1)", async () => {
    const out = await client.send(new ecs.RunTaskCommand({ cluster, taskDefinition: family, count: 1 }));
    expect(out.tasks?.length === 1 && out.failures?.length === 0, `${out.tasks?.length} tasks, failures ${JSON.stringify(out.failures)}`);
    arns.push(out.tasks![0].taskArn!);
    return out.tasks![0].taskArn!;
  });
  await check("RunTask (count 10)", async () => {
    for (let i = 0; i < 10; i++) {
      const out = await client.send(new ecs.RunTaskCommand({ cluster, taskDefinition: family, count: 10 }));
      expect(out.tasks?.length === 10 && out.failures?.length === 0, `${out.tasks?.length} tasks, failures ${JSON.stringify(out.failures)}`);
      arns.push(...out.tasks!.map((t) => t.taskArn!));
    }
    expect(new Set(arns).size === 101, `${new Set(arns).size} distinct task ARNs of 101`);
    return "10 × 10 tasks, distinct ARNs";
  });
  await check("DescribeTasks (100 ARNs)", async () => {
    expect(arns.length >= 100, `only ${arns.length} tasks to describe`);
    const want = arns.slice(1, 101);
    const out = await client.send(new ecs.DescribeTasksCommand({ cluster, tasks: want }));
    expect(out.failures?.length === 0, `failures ${JSON.stringify(out.failures).slice(0, 200)}`);
    const got = new Set(out.tasks?.map((t) => t.taskArn));
    expect(want.every((a) => got.has(a)) && got.size === 100, `${got.size} tasks answered`);
    expect(out.tasks!.every((t) => t.lastStatus && t.taskDefinitionArn && t.containers?.length === 1), "a task lacks lastStatus, taskDefinitionArn or its container");
    return `100 tasks, lastStatus ${out.tasks![0].lastStatus}`;
  });
  await check("ListTasks (paging)", async () => {
    const seen: string[] = [];
    let pages = 0;
    for await (const page of ecs.paginateListTasks({ client, pageSize: 25 }, { cluster })) {
      pages++;
      seen.push(...(page.taskArns ?? []));
    }
    const set = new Set(seen);
    expect(set.size === seen.length, "an ARN came twice");
    expect(arns.every((a) => set.has(a)) && set.size === arns.length, `${set.size} ARNs listed of ${arns.length}`);
    return `${set.size} ARNs in ${pages} page(s)`;
  });
  await check("Service create→describe→update→delete", async () => {
    const serviceName = "sdk-check-svc";
    const created = await client.send(new ecs.CreateServiceCommand({ cluster, serviceName, taskDefinition: family, desiredCount: 1, launchType: "EC2" }));
    expect(created.service?.status === "ACTIVE" && created.service.desiredCount === 1, `created ${created.service?.status}/${created.service?.desiredCount}`);
    const described = await client.send(new ecs.DescribeServicesCommand({ cluster, services: [serviceName] }));
    expect(described.services?.length === 1 && described.failures?.length === 0, `described ${described.services?.length}, failures ${JSON.stringify(described.failures)}`);
    const updated = await client.send(new ecs.UpdateServiceCommand({ cluster, service: serviceName, desiredCount: 0 }));
    expect(updated.service?.desiredCount === 0, `desiredCount after update ${updated.service?.desiredCount}`);
    const deleted = await client.send(new ecs.DeleteServiceCommand({ cluster, service: serviceName }));
    expect(deleted.service?.status === "DRAINING" || deleted.service?.status === "INACTIVE", `status after delete ${deleted.service?.status}`);
    return `status after delete ${deleted.service!.status}`;
  });
  client.destroy();
  return results;
}

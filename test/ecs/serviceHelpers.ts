// Shared set-up for the service tests: container instances registered the way the agent does.
import type { TestLocal } from "../helpers/local.js";

/** Registers an instance in `zone` with the given CPU units and MiB of memory; answers its ARN. */
export async function registerInstance(t: TestLocal, cluster: string, zone: string, cpu = 1024, memory = 1024): Promise<string> {
  const doc = JSON.stringify({ instanceId: `i-${Math.random().toString(16).slice(2, 19).padEnd(17, "0")}`, instanceType: "t3.micro", availabilityZone: zone });
  const r = await t.ecs("RegisterContainerInstance", {
    cluster,
    instanceIdentityDocument: doc,
    totalResources: [
      { name: "CPU", type: "INTEGER", integerValue: cpu },
      { name: "MEMORY", type: "INTEGER", integerValue: memory },
    ],
  });
  return r.containerInstance!.containerInstanceArn!;
}

// Placement picks the same instances, reports the same failures and draws the same random numbers as
// the implementation before its per-task work was cut (spread values read once per call, draws kept on
// the slots): the expected values below come from that earlier place(), run on these inputs.
import { describe, expect, it } from "vitest";
import { place } from "../../src/services/ecs/scheduler/placement.js";
import type { ContainerInstance, PlacementConstraint, PlacementStrategy } from "../../src/services/ecs/generated/types.js";
import type { TaskNeeds } from "../../src/services/ecs/domain/resources.js";

function instances(): ContainerInstance[] {
  return Array.from({ length: 6 }, (_, i) => ({
    containerInstanceArn: `arn:aws:ecs:us-east-1:123456789012:container-instance/c/${i}`,
    attributes: [
      { name: "ecs.availability-zone", value: `us-east-1${"abc"[i % 3]}` },
      { name: "ecs.instance-type", value: i % 2 ? "t3.small" : "m5.large" },
    ],
    remainingResources: [
      { name: "CPU", type: "INTEGER", integerValue: [1024, 512, 2048, 256, 768, 1536][i] },
      { name: "MEMORY", type: "INTEGER", integerValue: [2048, 4096, 1024, 512, 3072, 1536][i] },
      { name: "PORTS", type: "STRINGSET", stringSetValue: i === 1 ? ["80"] : [] },
    ],
  }));
}

const cases: [string, PlacementStrategy[], PlacementConstraint[], number, number, number[], string[]][] = [
  ["none", [], [], 5, 0, [0, 2, 4, 0, 1], []],
  ["random", [{ type: "random" }], [], 5, 0, [1, 2, 3, 4, 4], []],
  ["spread zone then instance", [{ type: "spread", field: "attribute:ecs.availability-zone" }, { type: "spread", field: "instanceId" }], [], 7, 0, [2, 4, 0, 1, 2, 0, 4], []],
  ["binpack memory", [{ type: "binpack", field: "memory" }], [], 4, 0, [3, 2, 2, 5], []],
  ["binpack cpu, spread host", [{ type: "binpack", field: "CPU" }, { type: "spread", field: "host" }], [], 4, 0, [3, 1, 1, 4], []],
  ["spread type, random", [{ type: "spread", field: "attribute:ecs.instance-type" }, { type: "random" }], [], 6, 0, [2, 2, 4, 0, 5, 4], []],
  ["distinct", [], [{ type: "distinctInstance" }], 8, 0, [0, 2, 4], ["1", "3", "5", "0", "2", "4"].map((i) => `${i} DistinctInstance placement constraint unsatisfied.`)],
  ["memberOf", [], [{ type: "memberOf", expression: "t3" }], 6, 0, [1, 5, 1, 3, 5, 5], []],
  ["port 80", [], [], 6, 80, [0, 2, 4, 5, 3], ["1 RESOURCE:PORTS", "0 RESOURCE:PORTS", "2 RESOURCE:PORTS", "4 RESOURCE:PORTS", "5 RESOURCE:PORTS", "3 RESOURCE:CPU"]],
];

describe("place", () => {
  it.each(cases)("%s", (_name, strategies, constraints, count, port, placed, failures) => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x80000000;
    };
    const needs: TaskNeeds = { cpu: 256, memory: 512, ports: port ? [{ containerName: "app", hostPort: port, protocol: "tcp" }] : [] } as TaskNeeds;
    const groupTasks = [0, 1, 0, 2, 0, 1];
    const r = place({
      count,
      needs,
      candidates: instances().map((instance, i) => ({ instance, groupTasks: groupTasks[i] })),
      strategies,
      constraints,
      matches: (e, ci) => ci.attributes![1].value!.startsWith(e),
      random,
    });
    expect(r.placements.map((p) => Number(p.containerInstanceArn!.split("/").pop()))).toEqual(placed);
    expect(r.failures.map((f) => `${f.arn!.split("/").pop()} ${f.reason}`)).toEqual(failures);
  });
});

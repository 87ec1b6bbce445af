// Ticks (the moments due work ran) in the journal: replay runs due work before every entry, so a
// tick followed by another entry of the same moment adds nothing, and the server leaves it out.
import { describe, expect, it } from "vitest";
import { createApp, type EcsLocal } from "../../src/app.js";
import { createLogger } from "../../src/log.js";
import { Journal, type Entry } from "../../src/state/persist/journal.js";
import { appendEntry } from "../../src/state/persist/persistence.js";
import { tempDir } from "../helpers/tempDir.js";
import { expectSame, graph, T0 } from "./snapshotHarness.js";

const context = (requestId: string) => JSON.stringify({ accountId: "000000000000", region: "us-east-1", requestId });
const asg = (operation: string, input: object, requestId: string, at = T0): Entry => ({ kind: "op", at, service: "autoscaling", operation, context: context(requestId), input: JSON.stringify(input) });
const tick = (at: number): Entry => ({ kind: "tick", at });

describe("ticks in the journal", () => {
  it("a tick just before an entry of the same moment is left out; one before a later moment, or last, stays", () => {
    const op = asg("DeleteAutoScalingGroup", { AutoScalingGroupName: "a" }, "r");
    const turn: Entry[] = [];
    for (const e of [tick(T0), op, tick(1), tick(1), tick(2), { ...op, at: 3 }, tick(3), { kind: "reset", at: 3 } as Entry, tick(4)]) appendEntry(turn, e);
    expect(turn.map((e) => `${e.kind}@${e.at}`)).toEqual([`op@${T0}`, "tick@1", "tick@2", "op@3", "tick@3", "reset@3", "tick@4"]);
  });

  it("a journal without such a tick replays to the same state as one with it", async () => {
    // Group a's creation schedules its first launches at once: the next request runs them first (the tick).
    const lc = asg("CreateLaunchConfiguration", { LaunchConfigurationName: "lc", ImageId: "ami-0fe5f366c083f59ca", InstanceType: "t3.micro" }, "r1");
    const group = (name: string, id: string) => asg("CreateAutoScalingGroup", { AutoScalingGroupName: name, LaunchConfigurationName: "lc", MinSize: 0, MaxSize: 2, DesiredCapacity: 2, AvailabilityZones: ["us-east-1a"] }, id);
    const apps: EcsLocal[] = [];
    try {
      for (const entries of [
        [lc, group("a", "r2"), tick(T0), group("b", "r3"), tick(T0 + 1)],
        [lc, group("a", "r2"), group("b", "r3"), tick(T0 + 1)],
      ]) {
        const dir = tempDir("ecs-local-ticks-");
        const journal = Journal.open(dir);
        journal.commit(entries);
        journal.close();
        const app = createApp({ config: { stateDir: dir, seed: "ticks", snapshotEvery: 0 }, logger: createLogger({ level: "silent" }) });
        apps.push(app);
        await app.ready;
      }
      const groups = apps[0].registry.backends.autoscaling.states.get("000000000000", "us-east-1").groups;
      expect([...groups.values()].map((g) => g.instances.size)).toEqual([2, 2]);
      expectSame(graph(apps[0]), graph(apps[1]));
    } finally {
      await Promise.all(apps.map((a) => a.close()));
    }
  });
});

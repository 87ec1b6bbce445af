// With a runtime that measures (Docker), target tracking reads the service's CPU and memory from it:
// the engine's stats become ECS's utilization of what the tasks reserve, a sample each minute, and
// the service scales on it. A runtime that answers fixed measurements stands in for the engine here;
// the engine's stats are read from a fake Engine API.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { containerUsage, taskUsage } from "../../src/runtime/docker/stats.js";
import { Engine } from "../../src/runtime/docker/engine.js";
import type { TaskUsage } from "../../src/runtime/runtime.js";
import { SimulatedRuntime } from "../../src/runtime/simulated.js";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { counts, ECS, ecsService } from "./fixtures.js";

/** Two samples a second apart, as GET /containers/{id}/stats?stream=false answers: 0.5 of a CPU, 200 MiB less 40 MiB of page cache. */
const STATS = {
  cpu_stats: { cpu_usage: { total_usage: 1_500_000_000 }, system_cpu_usage: 12_000_000_000, online_cpus: 2 },
  precpu_stats: { cpu_usage: { total_usage: 1_000_000_000 }, system_cpu_usage: 10_000_000_000 },
  memory_stats: { usage: 200 * 1024 * 1024, stats: { inactive_file: 40 * 1024 * 1024 } },
};

describe("the engine's stats", () => {
  it("become CPU units and MiB less the page cache, summed over a task's containers", async () => {
    expect(containerUsage(STATS)).toEqual({ cpuUnits: 512, memoryMiB: 160 });
    const server: Server = createServer((req, res) => {
      if (/^\/v1\.41\/containers\/(a|b)\/stats\?stream=false$/.test(req.url ?? "")) return void res.end(JSON.stringify(STATS));
      res.writeHead(404).end(JSON.stringify({ message: "No such container" }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const engine = new Engine(`tcp://127.0.0.1:${(server.address() as AddressInfo).port}`);
    try {
      expect(await taskUsage(engine, ["a", "b", "gone"])).toEqual({ cpuUnits: 1024, memoryMiB: 320 });
      expect(await taskUsage(engine, ["gone"])).toBeUndefined();
    } finally {
      engine.destroy();
      server.close();
    }
  });
});

/** A runtime whose every task uses 230 CPU units and 256 MiB: 89.8 % and 50 % of a 256/512 Fargate task. */
class MeasuredRuntime extends SimulatedRuntime {
  measured = 0;
  usage(): Promise<TaskUsage | undefined> {
    this.measured++;
    return Promise.resolve({ cpuUnits: 230, memoryMiB: 256 });
  }
}

describe("target tracking on measured utilization", () => {
  let t: TestLocal;
  let aas: JsonCalls;
  const runtime = new MeasuredRuntime();
  beforeAll(async () => {
    t = await startLocal({}, { runtime });
    aas = jsonCalls(t, "application-autoscaling");
  });
  afterAll(() => t.close());

  it("samples the running tasks each minute and scales out on the measurements", async () => {
    const web = await ecsService(t, "shop", "web", 2);
    t.advance(30_000);
    const on = { ServiceNamespace: "ecs", ResourceId: web, ScalableDimension: ECS };
    await aas.call("RegisterScalableTarget", { ...on, MinCapacity: 1, MaxCapacity: 8 });
    await aas.call("PutScalingPolicy", { ...on, PolicyName: "cpu", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" } } });
    // The first minute measures; its answer is the datapoint of the next three.
    for (let minute = 0; minute < 3; minute++) {
      t.advance(60_000);
      expect(await counts(t, "shop", "web")).toMatchObject({ desired: 2 });
    }
    t.advance(60_000);
    // ceil(2 tasks × 89.84 % / 50 %) = 4
    expect(await counts(t, "shop", "web")).toMatchObject({ desired: 4 });
    expect(runtime.measured).toBe(8);
  });
});

// npm run bench -- --startup [--startup-runs N]: only the start-up measure, the same one the full run
// takes (spawn to the first answered ListClusters), N times for each of ecs-local and the bare
// node:http server, alternating so that both see the same load on a shared machine; medians decide.
import { median } from "./driver.js";
import { machine, writeResults } from "./results.js";
import { launch, type TargetKind } from "./targets.js";
import type { UserAgent } from "./wire.js";

export interface StartupResult {
  date: string;
  machine: ReturnType<typeof machine>;
  runs: number;
  samples: Record<"ecs-local" | "ceiling", number[]>;
  medians: Record<"ecs-local" | "ceiling", number>;
  ratio: number;
}

const tenth = (n: number): number => Math.round(n * 10) / 10;

/** N alternating starts of each; the medians and their ratio decide (the full run takes this too). */
export async function sampleStartup(runs: number, agent: UserAgent, log: (line: string) => void): Promise<StartupResult> {
  const samples: StartupResult["samples"] = { "ecs-local": [], ceiling: [] };
  for (let i = 0; i < runs; i++) {
    for (const kind of ["ceiling", "ecs-local"] as const satisfies TargetKind[]) {
      const target = await launch(kind, agent);
      samples[kind].push(target.startupMs);
      await target.stop();
    }
    log(`start-up run ${i + 1}/${runs}: ecs-local ${samples["ecs-local"][i]} ms, bare node:http ${samples.ceiling[i]} ms`);
  }
  const medians = { "ecs-local": tenth(median(samples["ecs-local"])), ceiling: tenth(median(samples.ceiling)) };
  const ratio = Math.round((medians["ecs-local"] / medians.ceiling) * 100) / 100;
  return { date: new Date().toISOString(), machine: machine(), runs, samples, medians, ratio };
}

export async function runStartup(runs: number, agent: UserAgent, log: (line: string) => void): Promise<StartupResult> {
  const result = await sampleStartup(runs, agent, log);
  const { samples, medians, ratio } = result;
  const md = [
    `# Start-up, ${result.date}`,
    "",
    `Spawn to the first answered ListClusters, ${runs} runs each, alternating; target ≤ 1.5× the bare server.`,
    "",
    "| target | median ms | min | max | samples |",
    "|---|---:|---:|---:|---|",
    ...(["ecs-local", "ceiling"] as const).map((k) => `| ${k === "ceiling" ? "bare node:http" : k} | ${medians[k]} | ${Math.min(...samples[k])} | ${Math.max(...samples[k])} | ${samples[k].join(", ")} |`),
    "",
    `ecs-local / bare: ${ratio}× (${ratio <= 1.5 ? "met" : "MISSED"})`,
    "",
  ].join("\n");
  writeResults("startup-latest", result, md);
  process.stdout.write(md);
  return result;
}

// A start with a state directory loads every operation for the replay, and with them the code that
// acts on what the operations make (README, "Start-up"). Checked in a fresh process: in the test
// workers some other file may already have loaded that code.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = (path: string) => JSON.stringify(fileURLToPath(new URL(`../../src/${path}`, import.meta.url)));

describe("a start with a state directory", () => {
  it("loads ECS's Express watcher with the operations, so that services replayed are followed", () => {
    const code = `
      import { mkdtempSync } from "node:fs";
      import { tmpdir } from "node:os";
      import { join } from "node:path";
      const { createApp } = await import(${src("app.ts")});
      const { loadExpressWatch } = await import(${src("services/ecs/express/lazyWatch.ts")});
      const local = createApp({ config: { stateDir: mkdtempSync(join(tmpdir(), "ecs-local-lazy-")), elbPortOffset: -1 } });
      await local.ready;
      process.stdout.write(String(loadExpressWatch() === undefined));
      await local.close();
    `;
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { encoding: "utf8", timeout: 60_000 });
    expect(out.trim()).toBe("true");
  }, 90_000);
});

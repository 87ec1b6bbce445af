// README's vitest globalSetup example (examples/vitest) is run as it stands: its own vitest run,
// with @aws-sdk/client-ecs against the server its globalSetup starts.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { REPO_ROOT } from "../../src/paths.js";

const run = promisify(execFile);

it("the globalSetup example passes", async () => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST")));
  const { stdout } = await run(process.execPath, [join(REPO_ROOT, "node_modules/vitest/vitest.mjs"), "run", "--config", join(REPO_ROOT, "examples/vitest/vitest.config.ts")], {
    cwd: REPO_ROOT,
    env: { ...env, NO_COLOR: "1" },
    timeout: 120_000,
  });
  expect(stdout).toMatch(/Tests\s+2 passed \(2\)/);
}, 150_000);

// The type check is part of the suite: as a file of its own it runs beside the others (its 30-odd
// seconds of compiler CPU fill the time other files spend waiting on the aws CLI, Docker or
// Chromium) instead of before them all. `npm run typecheck` runs the same two programs.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/paths.js";

const run = promisify(execFile);
const TSC = join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");

/** The compiler's diagnostics for a project, empty when it type-checks. */
async function diagnostics(project: string): Promise<string> {
  try {
    await run(process.execPath, [TSC, "-p", project, "--noEmit", "--pretty", "false"], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
    return "";
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    return `${err.stdout ?? ""}${err.stderr ?? ""}` || err.message;
  }
}

describe("the type check", () => {
  it("the server, scripts, bench and tests type-check (tsconfig.json)", async () => {
    expect(await diagnostics("tsconfig.json")).toBe("");
  }, 300_000);

  it("the console's browser code type-checks (src/console/web/tsconfig.json)", async () => {
    expect(await diagnostics("src/console/web/tsconfig.json")).toBe("");
  }, 300_000);
});

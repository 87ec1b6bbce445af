// Persistence replays the journal: a service's state must follow from its requests, the injected
// clock and the seeded id source alone. This guards every service (EC2 and ELBv2 included, whatever
// they grow into) against the sources of state that replay cannot reproduce.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/paths.js";

/** What replay cannot reproduce: the wall clock, unseeded randomness, timers outside the timeline. */
const FORBIDDEN = [/\bMath\.random\(/, /\bDate\.now\(/, /\bnew Date\(\)/, /\brandomUUID\(/, /\brandomBytes\(/, /\bsetTimeout\(/, /\bsetInterval\(/, /\bperformance\.now\(/];
/** Files of src/services allowed one of the above, with the reason (the id source, src/state/ids.ts, lives outside). */
const ALLOWED = new Set<string>();

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("services are replayable", () => {
  it("no service reads the wall clock, unseeded randomness or timers of its own", () => {
    const found: string[] = [];
    for (const file of files(join(REPO_ROOT, "src/services"))) {
      const rel = relative(REPO_ROOT, file);
      if (ALLOWED.has(rel)) continue;
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, "");
          if (FORBIDDEN.some((re) => re.test(code))) found.push(`${rel}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});

// The order test files start in: the longest first, from the times in test/durations.json (seconds
// per file, from a measured run), so that a long file never starts last and leaves one worker busy
// while the other is idle. Vitest's own order uses the durations of the machine's previous run and,
// on a fresh clone (CI), the files' sizes, which say little about their time. Files the table does
// not list keep vitest's order, after those it lists as long and before the short ones.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const TABLE = join(import.meta.dirname, "..", "durations.json");
/** A file the table does not know: about the median of those it does. */
const UNKNOWN = 3;

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    let seconds: Record<string, number> = {};
    try {
      seconds = JSON.parse(readFileSync(TABLE, "utf8")) as Record<string, number>;
    } catch {
      return super.sort(files);
    }
    const ordered = await super.sort(files);
    const weight = (f: TestSpecification): number => seconds[relative(join(import.meta.dirname, "..", ".."), f.moduleId)] ?? UNKNOWN;
    // Array.prototype.sort is stable: ties keep vitest's order.
    return ordered.sort((a, b) => weight(b) - weight(a));
  }
}

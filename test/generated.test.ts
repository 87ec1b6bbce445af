// The committed schemas and types must be what `npm run gen` makes from the model today.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../scripts/gen.js";
import { defaultModelsDir, modelExists } from "../scripts/model.js";
import { REPO_ROOT } from "../src/paths.js";

const modelsDir = defaultModelsDir(REPO_ROOT);
const present = modelExists(modelsDir, "ecs");
if (!present) console.warn(`skipping the staleness check: no service models at ${modelsDir} (set ECS_LOCAL_MODELS)`);

describe.skipIf(!present)("generated files", () => {
  it("match the model", () => {
    const files = generate(modelsDir);
    expect(files.size).toBe((77 + 113) * 2 + 3 * 2);
    const stale = [...files].filter(([rel, text]) => !existsSync(join(REPO_ROOT, rel)) || readFileSync(join(REPO_ROOT, rel), "utf8") !== text).map(([rel]) => rel);
    expect(stale, "run `npm run gen` and commit the result").toEqual([]);
  });
});

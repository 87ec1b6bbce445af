// The committed schemas and types must be what `npm run gen` makes from the model today.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../scripts/gen.js";
import { handlerTable } from "../scripts/handlers.js";
import { defaultModelsDir, modelExists, SERVICES } from "../scripts/model.js";
import { unicodePattern } from "../scripts/schema.js";
import { validatorFor } from "../src/protocol/validate.js";
import { REPO_ROOT } from "../src/paths.js";

const modelsDir = defaultModelsDir(REPO_ROOT);
const present = modelExists(modelsDir, "ecs");
if (!present) console.warn(`skipping the staleness check: no service models at ${modelsDir} (set ECS_LOCAL_MODELS)`);

describe.skipIf(!present)("generated files", () => {
  it("match the model", () => {
    const files = generate(modelsDir);
    // ECS 77 operations, Logs 113, STS 11, ELBv2 51, Secrets Manager 23, Auto Scaling 66, Application
    // Auto Scaling 14, CloudFormation 90, Cloud Map 30; EC2, IAM, SSM, ECR and S3 the ones listed in
    // scripts/model.ts (84, 70, 13, 25, 35); two schemas an operation, three TypeScript files a service.
    expect(files.size).toBe((77 + 113 + 11 + 51 + 23 + 66 + 14 + 90 + 30 + 84 + 70 + 13 + 25 + 35) * 2 + 14 * 3);
    const stale = [...files].filter(([rel, text]) => !existsSync(join(REPO_ROOT, rel)) || readFileSync(join(REPO_ROOT, rel), "utf8") !== text).map(([rel]) => rel);
    expect(stale, "run `npm run gen` and commit the result").toEqual([]);
  });
});

describe("dispatch tables", () => {
  it("list every generated operation, with the handler of each operation file present", () => {
    const stale = Object.keys(SERVICES).filter((service) => readFileSync(join(REPO_ROOT, "src/services", service, "operations/index.ts"), "utf8") !== handlerTable(service));
    expect(stale, "run `npm run handlers -- <service>` and commit the result").toEqual([]);
  });
});

// The server compiles every input validator a moment after it starts (warm-up); one pattern the
// regular-expression engine refuses would bring the process down then, long after the tests ran.
describe("generated schemas", () => {
  it("all compile as the server compiles them", () => {
    const failed: string[] = [];
    for (const service of readdirSync(join(REPO_ROOT, "schemas"))) {
      for (const file of readdirSync(join(REPO_ROOT, "schemas", service))) {
        const m = /^(\w+)\.(input|output)\.json$/.exec(file);
        if (!m) continue;
        try {
          validatorFor(service, m[1], m[2] as "input" | "output");
        } catch (e) {
          failed.push(`${service}/${file}: ${(e as Error).message}`);
        }
      }
    }
    expect(failed).toEqual([]);
  }, 120_000);

  it("keep the models' Java patterns meaning the same under the unicode flag", () => {
    expect(unicodePattern("[\\w-_]*")).toBe("[\\w\\-_]*");
    expect(new RegExp(`^${unicodePattern("[\\w-_]*")}$`, "u").test("a-b_c")).toBe(true);
    expect(unicodePattern("[\\w+=,.@\\:-]*")).toBe("[\\w+=,.@:-]*");
    expect(unicodePattern("^[a-z]+$")).toBe("^[a-z]+$");
  });
});

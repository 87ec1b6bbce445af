// Where the repository's data files are, whether we run from src/ (tsx, vitest) or dist/src/ (built).
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("ecs-local: package.json not found above " + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

export const REPO_ROOT = findRoot();
export const SCHEMAS_DIR = join(REPO_ROOT, "schemas");

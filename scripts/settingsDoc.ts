// Writes README's configuration table from src/settings.ts (npm run docs:settings).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { settingsTable } from "../src/config.js";
import { REPO_ROOT } from "../src/paths.js";

export const BEGIN = "<!-- settings:begin";
export const END = "<!-- settings:end -->";

/** README with its table between the markers replaced by `table`. */
export function withTable(readme: string, table: string): string {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin < 0 || end < begin) throw new Error("README.md lacks the settings markers");
  const afterBegin = readme.indexOf("\n", begin) + 1;
  return readme.slice(0, afterBegin) + table + "\n" + readme.slice(end);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const path = join(REPO_ROOT, "README.md");
  writeFileSync(path, withTable(readFileSync(path, "utf8"), settingsTable()));
}

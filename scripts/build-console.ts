// Bundles the console (src/console/web) into static files in dist/console (scripts/console-bundle.mjs
// says how, and skips the bundle when its inputs are unchanged): the test run's global set-up calls
// it; `npm run build` and prepack run console-bundle.mjs itself, without tsx's start.
import { build } from "esbuild";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "../src/paths.js";
import { bundleConsole } from "./console-bundle.mjs";

export async function buildConsole(outDir = join(REPO_ROOT, "dist", "console")): Promise<void> {
  await bundleConsole(build, REPO_ROOT, outDir);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await buildConsole();
}

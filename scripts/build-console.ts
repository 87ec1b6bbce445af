// Bundles the console (src/console/web) into static files in dist/console: one script, one
// stylesheet, the page. Run by `npm run build` and by the test run's global set-up.
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "../src/paths.js";

const WEB = join(REPO_ROOT, "src", "console", "web");

export async function buildConsole(outDir = join(REPO_ROOT, "dist", "console")): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(WEB, "main.ts")],
    outfile: join(outDir, "app.js"),
    bundle: true,
    format: "esm",
    target: ["es2022"],
    minify: true,
    sourcemap: false,
    legalComments: "none",
    logLevel: "warning",
  });
  copyFileSync(join(WEB, "index.html"), join(outDir, "index.html"));
  copyFileSync(join(WEB, "style.css"), join(outDir, "style.css"));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await buildConsole();
}

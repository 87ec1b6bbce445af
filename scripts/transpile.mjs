// The server's sources (src/, without the console's browser code) written as JavaScript, one file
// each, by esbuild: what scripts/server-bundle.mjs bundles and scripts/build-validators.mjs reads.
// Emitting only, with no type check — the test suite type-checks (test/typecheck.test.ts) — so the
// package's build (`prepack`, with tsc writing only the typings) and the image's build stage need
// a second or so for it instead of tsc's eight. The operations are found at run time by a glob of
// `.js` files, so the files must exist before anything is bundled.
//   node scripts/transpile.mjs [outDir]     (default dist/src)
import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    // The console's browser code has its own bundle (scripts/console-bundle.mjs) and tsconfig.
    if (statSync(p).isDirectory()) return name === "web" && dir.endsWith("console") ? [] : sources(p);
    return p.endsWith(".ts") && !p.endsWith(".d.ts") ? [p] : [];
  });
}

/** @param {(options: object) => Promise<unknown>} build esbuild's build; @param {string} root the repository; @param {string} outDir */
export async function transpileSources(build, root, outDir = join(root, "dist", "src")) {
  rmSync(outDir, { recursive: true, force: true });
  const src = join(root, "src");
  await build({ entryPoints: sources(src), outdir: outDir, outbase: src, format: "esm", platform: "node", target: ["node20"], logLevel: "warning" });
  return outDir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { build } = await import("esbuild");
  const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");
  const out = await transpileSources(build, root, process.argv[2] ? join(process.cwd(), process.argv[2]) : undefined);
  process.stdout.write(`transpile: src/ as JavaScript in ${out}\n`);
}

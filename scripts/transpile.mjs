// The server's sources (src/, without the console's browser code) written as JavaScript, one file
// each, by esbuild: what scripts/server-bundle.mjs bundles and scripts/build-validators.mjs reads.
// Emitting only, with no type check — the test suite type-checks (test/typecheck.test.ts) — so the
// package's build (`prepack`, with tsc writing only the typings) and the image's build stage need
// a second or so for it instead of tsc's eight. The operations are found at run time by a glob of
// `.js` files, so the files must exist before anything is bundled.
//   node scripts/transpile.mjs [outDir]     (default dist/src; prepack writes dist/js)
// The files are written again only when what they are made from changed: <outDir>.inputs.json keeps
// the hash of the sources (names and text), tsconfig.json (esbuild reads its class-field options),
// this script and esbuild's version, and of the files written. The test run's global set-up writes
// dist/js for the tests' bundle (test/helpers/serverBundle.ts); the package's build in
// test/e2e/pack.test.ts then finds it fresh, and a clean clone, with no record, transpiles.
import { readdirSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { forgetRecord, recordHolds, toolHash, writeRecord } from "./buildRecord.mjs";

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
  const src = join(root, "src");
  const files = sources(src);
  const inputs = [join(root, "tsconfig.json"), ...files].map((f) => relative(root, f));
  const outputs = files.map((f) => relative(root, join(outDir, relative(src, f)).replace(/\.ts$/, ".js")));
  const record = `${outDir}.inputs.json`;
  const tool = toolHash(root, fileURLToPath(import.meta.url));
  if (recordHolds(root, record, tool, inputs)) return outDir;
  forgetRecord(record);
  rmSync(outDir, { recursive: true, force: true });
  await build({ entryPoints: files, outdir: outDir, outbase: src, format: "esm", platform: "node", target: ["node20"], logLevel: "warning" });
  writeRecord(root, record, tool, inputs, outputs);
  return outDir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { build } = await import("esbuild");
  const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");
  const out = await transpileSources(build, root, process.argv[2] ? join(process.cwd(), process.argv[2]) : undefined);
  process.stdout.write(`transpile: src/ as JavaScript in ${out}\n`);
}

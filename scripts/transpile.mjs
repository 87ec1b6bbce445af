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
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
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
  const src = join(root, "src");
  const files = sources(src);
  const outputs = files.map((f) => join(outDir, relative(src, f)).replace(/\.ts$/, ".js"));
  const record = `${outDir}.inputs.json`;
  const inputs = inputsHash(root, files);
  if (isFresh(record, inputs, outputs)) return outDir;
  rmSync(record, { force: true });
  rmSync(outDir, { recursive: true, force: true });
  await build({ entryPoints: files, outdir: outDir, outbase: src, format: "esm", platform: "node", target: ["node20"], logLevel: "warning" });
  writeFileSync(record, JSON.stringify({ inputs, outputs: outputsHash(outputs) }));
  return outDir;
}

function inputsHash(root, files) {
  const h = createHash("sha1");
  let esbuild = "none";
  try {
    esbuild = JSON.parse(readFileSync(createRequire(join(root, "package.json")).resolve("esbuild/package.json"), "utf8")).version;
  } catch {
    // The image's build stage fetches its own esbuild; it has no earlier record to compare with.
  }
  h.update(esbuild).update("\0").update(readFileSync(fileURLToPath(import.meta.url)));
  for (const f of [join(root, "tsconfig.json"), ...files]) h.update("\0").update(relative(root, f)).update("\0").update(readFileSync(f));
  return h.digest("hex");
}

function outputsHash(outputs) {
  const h = createHash("sha1");
  for (const f of outputs) h.update("\0").update(f).update("\0").update(readFileSync(f));
  return h.digest("hex");
}

function isFresh(record, inputs, outputs) {
  try {
    const kept = JSON.parse(readFileSync(record, "utf8"));
    return kept.inputs === inputs && outputs.every((f) => existsSync(f)) && kept.outputs === outputsHash(outputs);
  } catch {
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { build } = await import("esbuild");
  const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");
  const out = await transpileSources(build, root, process.argv[2] ? join(process.cwd(), process.argv[2]) : undefined);
  process.stdout.write(`transpile: src/ as JavaScript in ${out}\n`);
}

// How the console (src/console/web) becomes static files in dist/console: one script, one
// stylesheet, the page. Plain JavaScript, with esbuild's `build` passed in, so that the dev build
// (scripts/build-console.ts) and the image's build stage (scripts/image-compile.mjs, which fetches
// esbuild at the locked version) bundle it the same way.
//   node scripts/console-bundle.mjs      (dist/console; what `npm run build` and prepack run)
// A bundle is made again only when what it was made from changed: beside the output,
// <outDir>.inputs.json keeps the hash of every file the last bundle read (esbuild's metafile), of
// this script and esbuild's version, and of the files written. The test run's global set-up bundles
// the console; the package's build in test/e2e/pack.test.ts then finds it fresh, and a clean clone,
// with no record, bundles.
import { copyFileSync, mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { recordHolds, toolHash, writeRecord } from "./buildRecord.mjs";

const OUTPUTS = ["app.js", "index.html", "style.css"];

/** @param {(options: object) => Promise<any>} build esbuild's build; @param {string} root the repository; @param {string} outDir */
export async function bundleConsole(build, root, outDir = join(root, "dist", "console")) {
  const web = join(root, "src", "console", "web");
  const record = `${outDir}.inputs.json`;
  const tool = toolHash(root, fileURLToPath(import.meta.url));
  if (recordHolds(root, record, tool)) return;
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [join(web, "main.ts")],
    outfile: join(outDir, "app.js"),
    absWorkingDir: root,
    metafile: true,
    bundle: true,
    format: "esm",
    target: ["es2022"],
    minify: true,
    sourcemap: false,
    legalComments: "none",
    logLevel: "warning",
  });
  copyFileSync(join(web, "index.html"), join(outDir, "index.html"));
  copyFileSync(join(web, "style.css"), join(outDir, "style.css"));
  // esbuild names its inputs relative to absWorkingDir; the two copied files are inputs too.
  const inputs = [...Object.keys(result.metafile.inputs), "src/console/web/index.html", "src/console/web/style.css"];
  writeRecord(root, record, tool, inputs, OUTPUTS.map((f) => relative(root, join(outDir, f))));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { build } = await import("esbuild");
  await bundleConsole(build, join(fileURLToPath(new URL(".", import.meta.url)), ".."));
}

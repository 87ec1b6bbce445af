// Writes src/ as JavaScript in dist/src/ and bundles it into dist/bundle/ (and the validators to
// dist/validators/, and the console's bundle to dist/console/) in the image's build stage, where only
// production dependencies are installed. esbuild comes from the build context's vendor/tools/
// (scripts/image-vendor.mjs) when it is there at the version the lockfile pins and runs here;
// otherwise it alone is fetched, at that version, into a separate folder. Types are checked by the
// test suite, so this only emits (the image ships no typings). Plain JavaScript: the build stage has
// node and npm, nothing else.
//   node scripts/image-compile.mjs <folder to fetch into> [the context's vendor/tools/]
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { bundleConsole } from "./console-bundle.mjs";
import { makeCodeCache } from "./code-cache.mjs";
import { bundleServer } from "./server-bundle.mjs";
import { transpileSources } from "./transpile.mjs";

const tools = process.argv[2] ?? "/tmp/tools";
const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const pinned = (name) => `${name}@${lock.packages[`node_modules/${name}`].version}`;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const load = (dir) => import(pathToFileURL(`${dir}/node_modules/esbuild/lib/main.js`).href);

/** The vendored esbuild when it is the pinned one and its binary runs on this platform (else why not). */
async function vendored(dir) {
  if (!dir || !existsSync(`${dir}/node_modules/esbuild/package.json`)) return "the build context has no vendor/tools/";
  const { version } = JSON.parse(readFileSync(`${dir}/node_modules/esbuild/package.json`, "utf8"));
  if (`esbuild@${version}` !== pinned("esbuild")) return `vendor/tools/ holds esbuild ${version}`;
  try {
    const esbuild = await load(dir);
    await esbuild.transform("let a = 1");
    return esbuild;
  } catch (e) {
    return `its esbuild does not run here: ${e.message.split("\n")[0]}`;
  }
}

let esbuild = await vendored(process.argv[3]);
let source;
if (typeof esbuild === "string") {
  source = `${pinned("esbuild")} fetched (${esbuild})`;
  execFileSync(npm, ["install", "--prefix", tools, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--ignore-scripts", pinned("esbuild")], { stdio: "inherit" });
  // esbuild's binary comes as its platform's optional dependency; its install script only checks it.
  esbuild = await load(tools);
} else {
  source = `${pinned("esbuild")} from the build context's vendor/tools/`;
}
console.log(`esbuild: ${source}`);
// Beside where the production dependencies came from (scripts/image-deps.mjs wrote the file).
const info = existsSync("build-info.json") ? JSON.parse(readFileSync("build-info.json", "utf8")) : {};
writeFileSync("build-info.json", `${JSON.stringify({ ...info, esbuild: source })}\n`);
await transpileSources(esbuild.build, process.cwd());
execFileSync(process.execPath, ["scripts/build-validators.mjs"], { stdio: "inherit" });
await bundleConsole(esbuild.build, process.cwd());
await bundleServer(esbuild.build, process.cwd());
// Made by this stage's Node, which is the runtime stage's (the same base image): V8 takes it there.
console.log(`code cache: ${(await makeCodeCache(join(process.cwd(), "dist", "bundle"), join(process.cwd(), "dist", "src"))) ?? "none"}`);

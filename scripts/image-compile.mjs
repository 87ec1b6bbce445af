// Writes src/ as JavaScript in dist/src/ and bundles it into dist/bundle/ (and the validators to
// dist/validators/, and the console's bundle to dist/console/) in the image's build stage, where only
// production dependencies are installed: fetches esbuild alone, at the version the lockfile pins,
// into a separate folder. Types are checked by the test suite, so this only emits (the image ships
// no typings). Plain JavaScript: the build stage has node and npm, nothing else.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { bundleConsole } from "./console-bundle.mjs";
import { bundleServer } from "./server-bundle.mjs";
import { transpileSources } from "./transpile.mjs";

const tools = process.argv[2] ?? "/tmp/tools";
const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const pinned = (name) => `${name}@${lock.packages[`node_modules/${name}`].version}`;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
execFileSync(npm, ["install", "--prefix", tools, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--ignore-scripts", pinned("esbuild")], { stdio: "inherit" });
// esbuild's binary comes as its platform's optional dependency; its install script only checks it.
const esbuild = await import(pathToFileURL(`${tools}/node_modules/esbuild/lib/main.js`).href);
await transpileSources(esbuild.build, process.cwd());
execFileSync(process.execPath, ["scripts/build-validators.mjs"], { stdio: "inherit" });
await bundleConsole(esbuild.build, process.cwd());
await bundleServer(esbuild.build, process.cwd());

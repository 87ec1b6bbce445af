// Puts what the image's build stage would fetch from the npm registry into vendor/ of a build
// context, from this clone's node_modules (after `npm ci`): the production packages the lockfile
// lists (vendor/node_modules) and esbuild with its platform's binary (vendor/tools/node_modules).
// The Dockerfile takes them when they are there and match the lockfile (scripts/image-deps.mjs,
// scripts/image-compile.mjs), so `docker build` then needs no registry; without vendor/ it fetches.
//   node scripts/image-vendor.mjs [context directory, default: this clone]
// Plain JavaScript on node's own modules, like the other image scripts.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { productionPackages } from "./image-packages.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vendor = join(process.argv[2] ?? root, "vendor");
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
const production = productionPackages(lock);
const installed = (path) => existsSync(join(root, path, "package.json"));
// What the build stage would fetch must all be here: nothing is written otherwise.
const missing = production.filter((path) => !installed(path) && !lock.packages[path].optional);
if (!installed("node_modules/esbuild")) missing.push("node_modules/esbuild (a development package)");
if (missing.length) {
  console.error(`image-vendor: not installed here (run npm ci first): ${missing.join(", ")}`);
  process.exit(1);
}
rmSync(vendor, { recursive: true, force: true });

// A package's folder without the packages nested in it (each of those is an entry of its own) and,
// for a native module (one with a binding.gyp), without what its build left beside the binary in
// build/ (objects, makefiles: only the binary loads). Any other package's build/ is its own content.
const copyPackage = (path, into) => {
  const from = join(root, path);
  const build = existsSync(join(from, "binding.gyp")) ? join(from, "build") : undefined;
  cpSync(from, join(into, path), {
    recursive: true,
    filter: (src) => {
      const inside = relative(from, src);
      if (inside === "node_modules" || inside.startsWith(`node_modules${sep}`)) return false;
      if (!build || src === build || !src.startsWith(`${build}${sep}`)) return true;
      return src === join(build, "Release") || src.endsWith(".node");
    },
  });
};

for (const path of production) if (installed(path)) copyPackage(path, vendor);
// esbuild's own package, and the platform package that carries its binary (whichever is installed).
const tools = join(vendor, "tools");
mkdirSync(tools, { recursive: true });
copyPackage("node_modules/esbuild", tools);
const platforms = Object.keys(lock.packages).filter((p) => p.startsWith("node_modules/@esbuild/") && installed(p));
for (const p of platforms) copyPackage(p, tools);
console.log(`image-vendor: ${relative(process.cwd(), vendor) || "."}: ${production.length} production packages, esbuild ${lock.packages["node_modules/esbuild"].version}${platforms.length ? ` (${platforms.map((p) => p.slice(13)).join(", ")})` : ""}`);

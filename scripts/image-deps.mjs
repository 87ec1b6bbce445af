// In the image's build stage: the production dependencies. Taken from the build context's vendor/
// (scripts/image-vendor.mjs) when it holds exactly the lockfile's production packages, so that the
// build needs no registry; otherwise `npm ci --omit=dev`, as a build from a bare checkout does.
//   node scripts/image-deps.mjs <the context's vendor/ as copied into the stage>
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { differsFromLock, productionPackages } from "./image-packages.mjs";

const vendor = process.argv[2] ?? "/nonexistent";
const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const why = existsSync(join(vendor, "node_modules")) ? differsFromLock(vendor, lock) : "the build context has no vendor/";
let source;
if (why === undefined) {
  // A copy: the folder came in an earlier layer, and overlayfs refuses to rename such a directory (EXDEV).
  cpSync(join(vendor, "node_modules"), "node_modules", { recursive: true });
  source = `${productionPackages(lock).length} packages from the build context's vendor/`;
} else {
  source = `npm ci (${why})`;
  execFileSync("npm", ["ci", "--omit=dev", "--no-audit", "--no-fund", "--ignore-scripts"], { stdio: "inherit" });
}
console.log(`production dependencies: ${source}`);
// Where the image's parts came from, kept in the image (/app/build-info.json): a cached step prints nothing again.
writeFileSync("build-info.json", `${JSON.stringify({ dependencies: source })}\n`);

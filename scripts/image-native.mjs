// In the image's build stage (dependencies installed with --ignore-scripts): makes better-sqlite3's
// native part load on the image's node, or makes sure node:sqlite is there to keep state instead.
// Tries, in order: what is installed; the build from the build context (the one `npm ci` made on the
// machine building the image, used when it fits the image's node); `npm rebuild better-sqlite3`
// (a prebuilt binary from the network, else a compile where the base has python3, make and g++).
//   node scripts/image-native.mjs <dir holding better_sqlite3.node, if any>
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";

const target = "node_modules/better-sqlite3/build/Release/better_sqlite3.node";
const given = join(process.argv[2] ?? "/nonexistent", "better_sqlite3.node");

const works = (code) => {
  try {
    execFileSync(process.execPath, ["-e", code], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};
const loads = () => works("new (require('better-sqlite3'))(':memory:').close()");

if (loads()) process.exit(console.log("better-sqlite3 loads") ?? 0);
if (existsSync(given)) {
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(given, target);
  if (loads()) process.exit(console.log("better-sqlite3 loads (the build context's build)") ?? 0);
  rmSync(target, { force: true });
}
try {
  execFileSync("npm", ["rebuild", "better-sqlite3"], { stdio: "inherit", timeout: 300_000 });
} catch (e) {
  console.log(`npm rebuild better-sqlite3 failed: ${e.message.split("\n")[0]}`);
}
if (loads()) process.exit(console.log("better-sqlite3 loads (rebuilt)") ?? 0);
if (works("require('node:sqlite')")) process.exit(console.log(`better-sqlite3 does not load on ${process.version}: node:sqlite keeps state`) ?? 0);
console.error(`neither better-sqlite3 nor node:sqlite loads on ${process.version}: the image could not keep state`);
process.exit(1);

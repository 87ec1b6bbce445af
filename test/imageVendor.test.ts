// The offline image build's inputs (scripts/image-vendor.mjs, scripts/image-packages.mjs): vendor/
// holds exactly the lockfile's production packages, and what the build stage takes is told apart
// from a vendor/ that no longer matches the lockfile (then the build fetches, as without one).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { differsFromLock, productionPackages } from "../scripts/image-packages.mjs";
import { REPO_ROOT } from "../src/paths.js";

const lock = JSON.parse(readFileSync(join(REPO_ROOT, "package-lock.json"), "utf8"));
const context = mkdtempSync(join(tmpdir(), "ecs-local-vendor-"));
const vendor = join(context, "vendor");

beforeAll(async () => {
  await promisify(execFile)(process.execPath, [join(REPO_ROOT, "scripts/image-vendor.mjs"), context], { timeout: 120_000 });
}, 150_000);
afterAll(() => rmSync(context, { recursive: true, force: true }));

describe("vendor/ for an image built without a registry", () => {
  it("holds the production packages at the lockfile's versions, no development package, and esbuild apart", () => {
    const production = productionPackages(lock);
    expect(production).toContain("node_modules/express");
    expect(production).not.toContain("node_modules/vitest");
    expect(differsFromLock(vendor, lock)).toBeUndefined();
    expect(existsSync(join(vendor, "node_modules/vitest"))).toBe(false);
    expect(existsSync(join(vendor, "node_modules/esbuild"))).toBe(false);
    expect(JSON.parse(readFileSync(join(vendor, "tools/node_modules/esbuild/package.json"), "utf8")).version).toBe(lock.packages["node_modules/esbuild"].version);
    // A native module keeps its binary and leaves its build's objects behind.
    expect(existsSync(join(vendor, "node_modules/better-sqlite3/build/Release/better_sqlite3.node"))).toBe(existsSync(join(REPO_ROOT, "node_modules/better-sqlite3/build/Release/better_sqlite3.node")));
    expect(existsSync(join(vendor, "node_modules/better-sqlite3/build/Release/obj.target"))).toBe(false);
  });

  it("is refused when a package is at another version or missing", () => {
    const manifest = join(vendor, "node_modules/yaml/package.json");
    const original = readFileSync(manifest, "utf8");
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(original), version: "0.0.1" }));
    expect(differsFromLock(vendor, lock)).toBe(`node_modules/yaml is 0.0.1, the lockfile pins ${lock.packages["node_modules/yaml"].version}`);
    rmSync(join(vendor, "node_modules/yaml"), { recursive: true });
    expect(differsFromLock(vendor, lock)).toBe("node_modules/yaml is missing");
  });
});

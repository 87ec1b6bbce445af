// A build step's record of what it was made from and what it wrote (<outDir>.inputs.json), so that
// a step whose inputs and outputs are unchanged is not redone: the test run's global set-up and the
// package's build (prepack) make the same files. Content hashes, not times; a clean clone has no
// record, so every step runs. Plain JavaScript: the image's build stage runs the scripts that use it.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const sha1 = (file) => createHash("sha1").update(readFileSync(file)).digest("hex");

/** What else decides a step's output: its script, and the esbuild the repository installs (none in the image's build stage). */
export function toolHash(root, script) {
  let esbuild = "none";
  try {
    esbuild = JSON.parse(readFileSync(createRequire(join(root, "package.json")).resolve("esbuild/package.json"), "utf8")).version;
  } catch {
    // Without a record from an earlier build, nothing is compared with it.
  }
  return createHash("sha1").update(readFileSync(script)).update("\0").update(esbuild).digest("hex");
}

/**
 * Whether the record at `record` still holds: the same tool, every input and output (paths relative
 * to `root`) with the hash it had; with `inputs`, exactly those inputs (a file added is a change).
 */
export function recordHolds(root, record, tool, inputs) {
  try {
    const kept = JSON.parse(readFileSync(record, "utf8"));
    if (kept.tool !== tool) return false;
    if (inputs && (inputs.length !== Object.keys(kept.inputs).length || !inputs.every((f) => f in kept.inputs))) return false;
    for (const map of [kept.inputs, kept.outputs]) for (const [f, h] of Object.entries(map)) if (!existsSync(join(root, f)) || sha1(join(root, f)) !== h) return false;
    return true;
  } catch {
    return false;
  }
}

export function forgetRecord(record) {
  rmSync(record, { force: true });
}

/** Writes the record of a step that just ran (paths relative to `root`). */
export function writeRecord(root, record, tool, inputs, outputs) {
  const hashes = (files) => Object.fromEntries(files.map((f) => [f, sha1(join(root, f))]));
  writeFileSync(record, JSON.stringify({ tool, inputs: hashes(inputs), outputs: hashes(outputs) }));
}

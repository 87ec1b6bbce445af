// Compiles every schema under schemas/<service>/ into a standalone validator module,
// dist/validators/<service>/<name>.cjs, so that a server started from dist/ loads validators instead
// of compiling them (and never loads ajv's compiler). Each module carries the hash of the schema text
// it was made from; the server compiles afresh when the schema changed since. Plain JavaScript run
// after tsc (it takes the options from the compiled src/protocol/ajvOptions.js); `npm run build` runs it.
//   node scripts/build-validators.mjs [--share-cache] [--js DIR]   (DIR: the sources as JavaScript, default dist/src)
// A module is also stamped with the hash of what else decides its code (ajv's version, the options,
// this script): one whose two hashes match is kept rather than compiled again (some 5 ms each,
// 1,404 of them), so only a clean tree (a fresh clone, CI) compiles them all.
// --share-cache (`npm run build`, prepack; not the image's build stage, whose node_modules ships):
// each validator compiled is also written where a run from the sources keeps the validators it
// compiles (node_modules/.cache/ecs-local-validators/<service>/<name>.<schema sha1>.cjs, read by
// src/protocol/validate.ts), so that the test run building the package beside the other tests
// (test/e2e/pack.test.ts) compiles each validator once for both, not once for the package and
// again in the test processes. prepack runs this step right after the transpile, so that the
// validators are there within the suite's first seconds: a test process compiling one itself
// (a shared Ajv, the standalone code written) spent some 35 ms on it, 156 of them 5.8 s of CPU in
// test/protocol/queryRobustness.test.ts.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Ajv } from "ajv";
import standalone from "ajv/dist/standalone/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const js = process.argv.includes("--js") ? join(process.cwd(), process.argv[process.argv.indexOf("--js") + 1]) : join(root, "dist/src");
const { AJV_OPTIONS } = await import(pathToFileURL(join(js, "protocol/ajvOptions.js")).href);
const out = join(root, "dist/validators");
const cache = process.argv.includes("--share-cache") ? join(root, "node_modules", ".cache", "ecs-local-validators") : undefined;
const sha1 = (text) => createHash("sha1").update(text).digest("hex");
const ajvVersion = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("ajv/package.json"), "utf8")).version;
const buildHash = sha1(JSON.stringify([ajvVersion, AJV_OPTIONS, readFileSync(fileURLToPath(import.meta.url), "utf8")]));

/** The module already there when it was made from this schema text by this build, else undefined. */
function fresh(file, hash) {
  if (!existsSync(file)) return undefined;
  const code = readFileSync(file, "utf8");
  return code.endsWith(`module.exports.schemaHash = ${JSON.stringify(hash)};\nmodule.exports.buildHash = ${JSON.stringify(buildHash)};\n`) ? code : undefined;
}

/** Written whole, then renamed: a test process loading the same validator never reads half a file. */
function share(key, hash, code) {
  const file = join(cache, `${key}.${hash}.cjs`);
  if (existsSync(file)) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.${process.pid}.tmp`, code);
    renameSync(`${file}.${process.pid}.tmp`, file);
  } catch {
    // A read-only or full cache: the tests compile what they need, as without it.
  }
}

let count = 0;
let kept = 0;
const made = new Set();
for (const service of readdirSync(join(root, "schemas"))) {
  mkdirSync(join(out, service), { recursive: true });
  for (const file of readdirSync(join(root, "schemas", service)).filter((f) => f.endsWith(".json"))) {
    const name = file.replace(/\.json$/, "");
    const target = join(out, service, `${name}.cjs`);
    made.add(target);
    const text = readFileSync(join(root, "schemas", service, file), "utf8");
    const hash = sha1(text);
    let code = fresh(target, hash);
    if (code) kept++;
    else {
      const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
      code = `${standalone.default(ajv, ajv.compile(JSON.parse(text)))}\nmodule.exports.schemaHash = ${JSON.stringify(hash)};\nmodule.exports.buildHash = ${JSON.stringify(buildHash)};\n`;
      writeFileSync(target, code);
    }
    if (cache) share(`${service}/${name}`, hash, code);
    count++;
  }
}
// Validators of schemas since removed.
for (const service of readdirSync(out)) {
  for (const file of readdirSync(join(out, service))) if (!made.has(join(out, service, file))) rmSync(join(out, service, file), { recursive: true, force: true });
}
process.stdout.write(`build-validators: ${count} validators in ${out} (${count - kept} compiled, ${kept} unchanged)\n`);

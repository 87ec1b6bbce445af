// Compiles every schema under schemas/<service>/ into a standalone validator module,
// dist/validators/<service>/<name>.cjs, so that a server started from dist/ loads validators instead
// of compiling them (and never loads ajv's compiler). Each module carries the hash of the schema text
// it was made from; the server compiles afresh when the schema changed since. Plain JavaScript run
// after tsc (it takes the options from the compiled src/protocol/ajvOptions.js); `npm run build` runs it.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import standalone from "ajv/dist/standalone/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { AJV_OPTIONS } = await import(join(root, "dist/src/protocol/ajvOptions.js"));
const out = join(root, "dist/validators");
rmSync(out, { recursive: true, force: true });
let count = 0;
for (const service of readdirSync(join(root, "schemas"))) {
  mkdirSync(join(out, service), { recursive: true });
  for (const file of readdirSync(join(root, "schemas", service)).filter((f) => f.endsWith(".json"))) {
    const text = readFileSync(join(root, "schemas", service, file), "utf8");
    const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
    const code = standalone.default(ajv, ajv.compile(JSON.parse(text)));
    const hash = createHash("sha1").update(text).digest("hex");
    writeFileSync(join(out, service, file.replace(/\.json$/, ".cjs")), `${code}\nmodule.exports.schemaHash = ${JSON.stringify(hash)};\n`);
    count++;
  }
}
process.stdout.write(`build-validators: ${count} validators in ${out}\n`);

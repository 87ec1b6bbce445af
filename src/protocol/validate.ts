// Request and response validation against the generated schemas. Started from dist/, validators
// come precompiled (scripts/build-validators.mjs); otherwise, or when a schema changed since the
// build, each is compiled on first use. Ajv's compiler is loaded only when one must be compiled.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Ajv, ValidateFunction } from "ajv";
import { REPO_ROOT, SCHEMAS_DIR } from "../paths.js";
import { AJV_OPTIONS } from "./ajvOptions.js";
import { validationError } from "./messages.js";

export type Direction = "input" | "output";

const require = createRequire(import.meta.url);
// Precompiled validators belong to a build: a run from src/ (tsx, vitest) always compiles.
const PRECOMPILED = fileURLToPath(import.meta.url).includes(`${sep}dist${sep}src${sep}`) ? join(REPO_ROOT, "dist", "validators") : undefined;
// Compiled validators are pure functions of the committed schemas, the same for every server.
const compiled = new Map<string, ValidateFunction>();
let ajv: Ajv | undefined;

function compile(schema: unknown): ValidateFunction {
  ajv ??= new (require("ajv") as typeof import("ajv")).Ajv(AJV_OPTIONS);
  return ajv.compile(schema as object);
}

function load(key: string): ValidateFunction {
  const text = readFileSync(join(SCHEMAS_DIR, `${key}.json`), "utf8");
  const file = PRECOMPILED && join(PRECOMPILED, `${key}.cjs`);
  if (file && existsSync(file)) {
    const fn = require(file) as ValidateFunction & { schemaHash?: string };
    if (fn.schemaHash === createHash("sha1").update(text).digest("hex")) return fn;
  }
  return compile(JSON.parse(text));
}

export function validatorFor(service: string, operation: string, dir: Direction): ValidateFunction {
  const key = `${service}/${operation}.${dir}`;
  let fn = compiled.get(key);
  if (!fn) {
    fn = load(key);
    compiled.set(key, fn);
  }
  return fn;
}

/** Throws the AWS error for a request that breaks its operation's input schema. */
export function validateInput(service: string, operation: string, body: unknown): void {
  const fn = validatorFor(service, operation, "input");
  if (!fn(body)) throw validationError(fn.errors ?? [], body);
}

/** Throws (a server fault) when a response breaks the model's output shape. */
export function checkOutput(service: string, operation: string, output: unknown): void {
  const fn = validatorFor(service, operation, "output");
  if (!fn(output)) throw new Error(`${operation} output breaks the model: ${JSON.stringify(fn.errors)}`);
}

/** Compiles every input validator of a service ahead of need, one at a time so requests are not held up. */
export function warmValidators(service: string): void {
  const names = readdirSync(join(SCHEMAS_DIR, service)).filter((f) => f.endsWith(".input.json"));
  const step = (): void => {
    const batch = names.splice(0, 1);
    for (const f of batch) validatorFor(service, f.slice(0, -".input.json".length), "input");
    if (names.length) setImmediate(step);
  };
  step();
}

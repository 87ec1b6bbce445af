// Request and response validation against the generated schemas. Started from dist/, validators
// come precompiled (scripts/build-validators.mjs); otherwise, or when a schema changed since the
// build, each is compiled on first use. Ajv's compiler is loaded only when one must be compiled.
// Run from the sources (tsx, vitest), a compiled validator is also kept as a module in a cache
// beside the dependencies, named by its schema's hash, so that the next process (every test file
// is one) loads it instead of compiling it again.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import { REPO_ROOT, SCHEMAS_DIR } from "../paths.js";
import { AJV_OPTIONS } from "./ajvOptions.js";
import { validationError, type ConstraintErrorWording, type EnumErrorWording } from "./messages.js";

export type Direction = "input" | "output";

const require = createRequire(import.meta.url);
// Precompiled validators belong to a build (dist/src, or its bundle in dist/bundle): a run from
// the TypeScript sources (tsx, vitest, and the end-to-end tests' bundle of them, which defines
// __ECS_LOCAL_SOURCES__: test/helpers/serverBundle.ts) always compiles.
declare const __ECS_LOCAL_SOURCES__: boolean | undefined;
const FROM_SOURCES = typeof __ECS_LOCAL_SOURCES__ !== "undefined" || fileURLToPath(import.meta.url).endsWith(".ts");
const PRECOMPILED = FROM_SOURCES ? undefined : join(REPO_ROOT, "dist", "validators");
const CACHE = PRECOMPILED ? undefined : join(REPO_ROOT, "node_modules", ".cache", "ecs-local-validators");
// Compiled validators are pure functions of the committed schemas, the same for every server.
/** Validators by direction, service and operation: no key text built per request to find one. */
const compiled = { input: new Map<string, Map<string, ValidateFunction>>(), output: new Map<string, Map<string, ValidateFunction>>() };
const parsed = new Map<string, Record<string, any>>();

/** The generated schema itself: the query protocols read and write the wire by its `aws` annotations. */
export function schemaFor(service: string, operation: string, dir: Direction): Record<string, any> {
  const key = `${service}/${operation}.${dir}`;
  let schema = parsed.get(key);
  if (!schema) {
    schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, `${key}.json`), "utf8")) as Record<string, any>;
    parsed.set(key, schema);
  }
  return schema;
}

let ajv: Ajv | undefined;

function compile(schema: unknown): ValidateFunction {
  ajv ??= new (require("ajv") as typeof import("ajv")).Ajv(CACHE ? { ...AJV_OPTIONS, code: { source: true } } : AJV_OPTIONS);
  return ajv.compile(schema as object);
}

const sha1 = (text: string): string => createHash("sha1").update(text).digest("hex");

/** Compiles the schema and keeps the validator's code in the cache; a cache that cannot be written is only slower. */
function compileCached(key: string, text: string): ValidateFunction {
  const fn = compile(JSON.parse(text));
  try {
    const file = join(CACHE!, `${key}.${sha1(text)}.cjs`);
    const standalone = (require("ajv/dist/standalone/index.js") as { default: (a: Ajv, v: ValidateFunction) => string }).default;
    mkdirSync(join(file, ".."), { recursive: true });
    // Written whole, then renamed: processes that compile the same validator at once never read half a file.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, standalone(ajv!, fn));
    renameSync(temp, file);
  } catch {
    // Read-only dependencies, a full disk: the compiled function serves this process all the same.
  }
  return fn;
}

function load(service: string, operation: string, dir: Direction): ValidateFunction {
  const key = `${service}/${operation}.${dir}`;
  const file = PRECOMPILED && join(PRECOMPILED, `${key}.cjs`);
  if (file && existsSync(file)) {
    const fn = require(file) as ValidateFunction & { schemaHash?: string };
    const text = readFileSync(join(SCHEMAS_DIR, `${key}.json`), "utf8");
    if (fn.schemaHash === sha1(text)) return fn;
  }
  if (CACHE) {
    const text = readFileSync(join(SCHEMAS_DIR, `${key}.json`), "utf8");
    const cached = join(CACHE, `${key}.${sha1(text)}.cjs`);
    if (existsSync(cached)) return require(cached) as ValidateFunction;
    return compileCached(key, text);
  }
  return compile(schemaFor(service, operation, dir));
}

export function validatorFor(service: string, operation: string, dir: Direction): ValidateFunction {
  let byOperation = compiled[dir].get(service);
  if (!byOperation) compiled[dir].set(service, (byOperation = new Map()));
  let fn = byOperation.get(operation);
  if (!fn) {
    fn = load(service, operation, dir);
    byOperation.set(operation, fn);
  }
  return fn;
}

/** The constraints a request breaks, or undefined when it keeps them all. */
export function inputErrors(service: string, operation: string, body: unknown): ErrorObject[] | undefined {
  const fn = validatorFor(service, operation, "input");
  return fn(body) ? undefined : (fn.errors ?? []);
}

/** Throws the AWS error for a request that breaks its operation's input schema. */
export function validateInput(service: string, operation: string, body: unknown, enumError?: EnumErrorWording, constraintError?: ConstraintErrorWording): void {
  const fn = validatorFor(service, operation, "input");
  if (!fn(body)) throw validationError(fn.errors ?? [], body, operation, enumError, constraintError);
}

/** Throws (a server fault) when a response breaks the model's output shape. */
export function checkOutput(service: string, operation: string, output: unknown): void {
  const fn = validatorFor(service, operation, "output");
  if (!fn(output)) throw new Error(`${operation} output breaks the model: ${JSON.stringify(fn.errors)}`);
}

/** The operations of a service that have an input schema: what a warm-up compiles ahead of need. */
export function inputSchemaOperations(service: string): string[] {
  return readdirSync(join(SCHEMAS_DIR, service))
    .filter((f) => f.endsWith(".input.json"))
    .map((f) => f.slice(0, -".input.json".length));
}

// Request and response validation against the generated schemas; each validator compiled once.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { SCHEMAS_DIR } from "../paths.js";
import { validationError, type EnumErrorWording } from "./messages.js";

export type Direction = "input" | "output";

// allErrors: AWS lists every constraint a request breaks, not only the first.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true, validateSchema: false });
const compiled = new Map<string, ValidateFunction>();
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

export function validatorFor(service: string, operation: string, dir: Direction): ValidateFunction {
  const key = `${service}/${operation}.${dir}`;
  let fn = compiled.get(key);
  if (!fn) {
    fn = ajv.compile(schemaFor(service, operation, dir));
    compiled.set(key, fn);
  }
  return fn;
}

/** The constraints a request breaks, or undefined when it keeps them all. */
export function inputErrors(service: string, operation: string, body: unknown): ErrorObject[] | undefined {
  const fn = validatorFor(service, operation, "input");
  return fn(body) ? undefined : (fn.errors ?? []);
}

/** Throws the AWS error for a request that breaks its operation's input schema. */
export function validateInput(service: string, operation: string, body: unknown, enumError?: EnumErrorWording): void {
  const fn = validatorFor(service, operation, "input");
  if (!fn(body)) throw validationError(fn.errors ?? [], body, operation, enumError);
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

// The options every validator is compiled with, at build time (scripts/build-validators.mjs) and at
// run time alike, so that a precompiled validator reports exactly what a freshly compiled one would.
import type { Options } from "ajv";

// allErrors: AWS lists every constraint a request breaks, not only the first.
export const AJV_OPTIONS: Options = { allErrors: true, strict: false, unicodeRegExp: true, validateSchema: false };

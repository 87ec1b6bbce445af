// Hierarchy paths (GetParametersByPath, the Path filter): which are valid, which names lie under one.
import { validationException } from "./names.js";

// The backslashes are AWS's: the text comes back with \" around aws and ssm (aws/aws-sdk-js-v3#5928).
export const INVALID_PATH =
  `The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash "/". ` +
  `It can't be prefixed with \\"aws\\" or \\"ssm\\" (case-insensitive). It must use only letters, numbers, or the following symbols: ` +
  `. (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". ` +
  "Valid example: /get/parameters2-/by1./path0_.";

export function checkPath(path: string): void {
  if (!/^\/[a-zA-Z0-9_.\-/]*$/.test(path) || path.includes("//") || /^\/ssm/i.test(path)) throw validationException(INVALID_PATH);
}

/** A name as it sits in the hierarchy: `name` is `/name`. */
export function rooted(name: string): string {
  return name.startsWith("/") ? name : `/${name}`;
}

/** `/a/b` (or `/a/b/`) holds `/a/b/c`, and with recursion `/a/b/c/d`; `/` holds every one-level name. */
export function underPath(name: string, path: string, recursive: boolean): boolean {
  const base = path.endsWith("/") ? path : `${path}/`;
  const full = rooted(name);
  if (!full.startsWith(base)) return false;
  return recursive || !full.slice(base.length).includes("/");
}

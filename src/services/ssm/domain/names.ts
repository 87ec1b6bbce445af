// Parameter names: which ones PutParameter accepts, the one key `/name` and `name` share, the ARN.
import { AwsError } from "../../../protocol/errors.js";
import { HierarchyLevelLimitExceededException } from "../generated/errors.js";

/** What SSM answers for a name with characters outside a-zA-Z0-9_.-/ (spaces included) or a misplaced slash. */
export const INVALID_NAME =
  `Parameter name: can't be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; ` +
  "each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_";
const PREFIXED_NAME = `Parameter name: can't be prefixed with "aws" or "ssm" (case-insensitive).`;
const MAX_LEVELS = 15;
/** The longest name one may give counts the ARN before it (model documentation of PutParameter Name). */
const MAX_ARN_AND_NAME = 1011;

export function validationException(message: string): AwsError {
  return new AwsError("ValidationException", message, 400);
}

/** AWS drops spaces around a name; one inside it is refused. */
export function trimName(name: string): string {
  return name.trim();
}

/** The key `/name` and `name` share (one parameter, whichever way it was written); a path keeps its slash. */
export function parameterKey(name: string): string {
  const bare = name.startsWith("/") ? name.slice(1) : name;
  return bare.includes("/") ? name : bare;
}

export function isHierarchical(name: string): boolean {
  return parameterKey(name).startsWith("/");
}

/** Well formed: allowed characters, and a path starts with a slash and has no empty level. */
export function wellFormedName(name: string): boolean {
  if (!/^[a-zA-Z0-9_.\-/]+$/.test(name)) return false;
  const bare = name.startsWith("/") ? name.slice(1) : name;
  if (bare === "") return false;
  if (bare.includes("/") && !name.startsWith("/")) return false;
  return bare.split("/").every((level) => level !== "");
}

/** Names under `aws` and `ssm` belong to AWS: anything that writes one is refused as AWS refuses it. */
export function reservedNameError(name: string): AwsError | undefined {
  const bare = (name.startsWith("/") ? name.slice(1) : name).toLowerCase();
  if (bare.startsWith("aws")) return new AwsError("AccessDeniedException", `No access to reserved parameter name: ${name}.`, 400);
  if (bare.startsWith("ssm")) return validationException(isHierarchical(name) ? INVALID_NAME : PREFIXED_NAME);
  return undefined;
}

export function isReserved(name: string): boolean {
  return /^\/?(aws|ssm)/i.test(name);
}

export function parameterArn(region: string, accountId: string, name: string): string {
  return `arn:aws:ssm:${region}:${accountId}:parameter/${name.startsWith("/") ? name.slice(1) : name}`;
}

/** Every check a name to be written passes, in the order SSM makes them. */
export function checkNewName(name: string, region: string, accountId: string): void {
  if (!wellFormedName(name)) throw validationException(INVALID_NAME);
  const reserved = reservedNameError(name);
  if (reserved) throw reserved;
  if (isHierarchical(name) && name.split("/").length - 1 > MAX_LEVELS) {
    throw new HierarchyLevelLimitExceededException(
      "A hierarchy can have a maximum of 15 levels. For more information, see Requirements and constraints for parameter names in the Amazon Web Services Systems Manager User Guide.",
    );
  }
  const max = MAX_ARN_AND_NAME - parameterArn(region, accountId, "").length;
  if (name.length > max) {
    throw validationException(`1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must have length less than or equal to ${max}`);
  }
}

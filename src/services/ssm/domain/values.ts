// What a parameter value must satisfy: its tier's size, no nested parameter, its allowed pattern,
// a data type SSM knows. Texts: FIDELITY.md, "Systems Manager Parameter Store".
import type { ParameterTier } from "../generated/types.js";
import { InvalidAllowedPatternException, ParameterPatternMismatchException } from "../generated/errors.js";
import { validationException } from "./names.js";

const STANDARD_MAX = 4096;
const ADVANCED_MAX = 8192;
export const DATA_TYPES = ["text", "aws:ec2:image"] as const;

export function checkValuePresent(value: string): void {
  if (value.length === 0) throw validationException("1 validation error detected: Value '' at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1.");
  if (/\{\{.*\}\}/s.test(value)) throw validationException(`Parameter value can't nest another parameter. Do not use "{{}}" in the value.`);
}

/**
 * The tier a write lands in: the one asked for, else the parameter's own (a new one starts Standard,
 * the default tier); Intelligent-Tiering picks Advanced only when the value needs it. An Advanced
 * parameter never goes back to Standard.
 */
export function resolveTier(value: string, asked: ParameterTier | undefined, current: ParameterTier | undefined): ParameterTier {
  let tier: ParameterTier = asked ?? current ?? "Standard";
  if (tier === "Intelligent-Tiering") tier = value.length > STANDARD_MAX || current === "Advanced" ? "Advanced" : "Standard";
  if (current === "Advanced" && tier === "Standard") {
    throw validationException(
      "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. " +
        "If necessary, you can delete the advanced parameter and recreate it as a standard parameter. Be aware that standard parameters have a value limit of 4096 characters.",
    );
  }
  if (tier === "Standard" && value.length > STANDARD_MAX) {
    throw validationException(
      "Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. " +
        "For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html",
    );
  }
  if (tier === "Advanced" && value.length > ADVANCED_MAX) throw validationException("Advanced tier parameters support a maximum parameter value of 8192 characters.");
  return tier;
}

/** The value must match the whole pattern (a Java regular expression, which JavaScript's reads alike for common patterns). */
export function checkAllowedPattern(value: string, pattern: string | undefined): void {
  if (pattern === undefined || pattern === "") return;
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${pattern})$`, "s");
  } catch {
    throw new InvalidAllowedPatternException("The request doesn't meet the regular expression requirement.");
  }
  if (!re.test(value)) throw new ParameterPatternMismatchException(`Parameter value, cannot be validated against allowedPattern: ${pattern}`);
}

export function checkDataType(dataType: string, type: string): void {
  if (dataType === "aws:ssm:integration") throw validationException("ecs-local does not support the aws:ssm:integration data type yet.");
  if (!(DATA_TYPES as readonly string[]).includes(dataType)) throw validationException(`The following data type is not supported: ${dataType} (Data type names are all lowercase.)`);
  if (dataType === "aws:ec2:image" && type !== "String") throw validationException(`The data type aws:ec2:image is supported only for parameters of type String.`);
}

/** aws:ec2:image and the other data types don't convert into each other (the data types page of the user guide). */
export function checkDataTypeChange(from: string, to: string): void {
  if (from !== to && (from === "aws:ec2:image" || to === "aws:ec2:image")) {
    throw validationException(`The data type of a parameter can't be changed from ${from} to ${to}.`);
  }
}

// IAM's ARNs (global: no region) and how an ARN given as a policy's is read.
import { commonErrors } from "../../../protocol/errors.js";
import { InvalidInputException } from "../generated/errors.js";

export const AWS_POLICY_PREFIX = "arn:aws:iam::aws:policy";

export const roleArn = (account: string, path: string, name: string): string => `arn:aws:iam::${account}:role${path}${name}`;
export const userArn = (account: string, path: string, name: string): string => `arn:aws:iam::${account}:user${path}${name}`;
export const instanceProfileArn = (account: string, path: string, name: string): string => `arn:aws:iam::${account}:instance-profile${path}${name}`;
export const policyArn = (account: string, path: string, name: string): string => `arn:aws:iam::${account}:policy${path}${name}`;
export const awsPolicyArn = (path: string, name: string): string => `${AWS_POLICY_PREFIX}${path}${name}`;

/** The account root user's ARN, as STS and IAM name it. */
export const rootArn = (account: string): string => `arn:aws:iam::${account}:root`;

const ARN = /^arn:[^:]+:[^:]*:[^:]*:[^:]*:.+$/;
const POLICY = /^arn:aws:iam::(aws|\d{12}):policy(\/(?:[^/]+\/)*)?([^/]+)$/;

/**
 * Checks that `arn` names a managed policy (of AWS or of an account): not an ARN at all is
 * ValidationError, an ARN of something else InvalidInput, as IAM answers them.
 */
export function checkPolicyArn(arn: string): void {
  if (!ARN.test(arn)) throw commonErrors.validation("Invalid ARN:  Could not be parsed!");
  if (!POLICY.test(arn)) throw new InvalidInputException(`ARN ${arn} is not valid.`);
}

/** The last part of an ARN's resource path: a role's, user's or instance profile's name. */
export const nameInArn = (arn: string): string => arn.slice(arn.lastIndexOf("/") + 1);

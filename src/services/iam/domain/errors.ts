// IAM's texts for what a request names but the account lacks, and for what only AWS may change.
import { AwsError } from "../../../protocol/errors.js";
import { NoSuchEntityException, UnmodifiableEntityException } from "../generated/errors.js";

export const notFound = {
  role: (name: string) => new NoSuchEntityException(`The role with name ${name} cannot be found.`),
  user: (name: string) => new NoSuchEntityException(`The user with name ${name} cannot be found.`),
  instanceProfile: (name: string) => new NoSuchEntityException(`Instance Profile ${name} cannot be found.`),
  policy: (arn: string) => new NoSuchEntityException(`Policy ${arn} was not found.`),
  /** Attaching a policy the account does not have. */
  attachable: (arn: string) => new NoSuchEntityException(`Policy ${arn} does not exist or is not attachable.`),
  /** A permissions boundary the account does not have. */
  boundary: (arn: string) => new NoSuchEntityException(`Scope ARN: ${arn} does not exist or is not attachable.`),
  version: (arn: string, version: string) => new NoSuchEntityException(`Policy ${arn} version ${version} does not exist or is not attachable.`),
  rolePolicy: (name: string) => new NoSuchEntityException(`The role policy with name ${name} cannot be found.`),
  userPolicy: (name: string) => new NoSuchEntityException(`The user policy with name ${name} cannot be found.`),
  accessKey: (id: string) => new NoSuchEntityException(`The Access Key with id ${id} cannot be found.`),
};

/** A service-linked role: only its service changes it. */
export const protectedRole = (name: string) => new UnmodifiableEntityException(`Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`);

/**
 * What only AWS may change (its managed policies): IAM answers as to any change not allowed, naming
 * the caller (chosen text: AWS's authorization wording).
 */
export function accessDenied(callerArn: string, action: string, resource: string): AwsError {
  return new AwsError("AccessDenied", `User: ${callerArn} is not authorized to perform: iam:${action} on resource: ${resource}`, 403);
}

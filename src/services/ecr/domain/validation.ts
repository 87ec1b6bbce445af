// ECR words a broken constraint as InvalidParameterException naming the member
// ("Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular
// expression '…''": jenkins-x/jx#1344, int128/create-ecr-repository-action#231; "'must have length
// greater than or equal to 2'": aws/aws-dotnet-deploy#549). A missing member stays AWS's
// ValidationException (chosen: no pasted answer shows otherwise).
import { AwsError } from "../../../protocol/errors.js";
import type { ConstraintViolation } from "../../../protocol/messages.js";
import { InvalidParameterException } from "../generated/errors.js";

function words(v: ConstraintViolation): string | undefined {
  const p = v.params;
  switch (v.keyword) {
    case "pattern":
      return `must satisfy regular expression '${String(p.pattern).replace(/^\^|\$$/g, "")}'`;
    case "minLength":
    case "minItems":
      return `must have length greater than or equal to ${p.limit}`;
    case "maxLength":
    case "maxItems":
      return `must have length less than or equal to ${p.limit}`;
    case "minimum":
      return `must be greater than or equal to ${p.limit}`;
    case "maximum":
      return `must be less than or equal to ${p.limit}`;
    case "enum":
      return `must be one of [${(p.allowedValues as string[]).join(", ")}]`;
    default:
      return undefined;
  }
}

export function constraintError(v: ConstraintViolation): AwsError | undefined {
  const text = words(v);
  return text === undefined ? undefined : new InvalidParameterException(`Invalid parameter at '${v.path}' failed to satisfy constraint: '${text}'`);
}

import { AwsError } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { checkSecretId } from "../domain/lookup.js";
import { invalidParameter, TOKEN_REQUIRED } from "../domain/messages.js";
import { writableSecret } from "../domain/secrets.js";
import { InvalidRequestException } from "../generated/errors.js";

/**
 * Rotation runs the secret's Lambda rotation function. ecs-local serves no Lambda, so there is no
 * function Secrets Manager could invoke: RotateSecret answers what AWS answers for a function it
 * cannot invoke, and, as there, stores nothing of the configuration it was given.
 */
export const rotateSecret: Handler<"RotateSecret"> = (input, ctx) => {
  checkSecretId(input.SecretId);
  // RotateSecret words a missing token as the others do, but as an InvalidParameterException.
  if (input.ClientRequestToken === undefined) throw invalidParameter(TOKEN_REQUIRED);
  const secret = writableSecret(ctx, input.SecretId);
  const rules = input.RotationRules;
  if (rules?.AutomaticallyAfterDays !== undefined && rules.ScheduleExpression !== undefined) {
    throw invalidParameter("You can't specify both AutomaticallyAfterDays and ScheduleExpression in RotationRules.");
  }
  const lambda = input.RotationLambdaARN || secret.rotation?.lambdaArn;
  if (!lambda) throw new InvalidRequestException("No Lambda rotation function ARN is associated with this secret.");
  throw new AwsError(
    "AccessDeniedException",
    "Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.",
    400,
  );
};

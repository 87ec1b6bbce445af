// Secrets Manager's error texts, in one place (sources in FIDELITY.md, "Secrets Manager").
import { AwsError } from "../../../protocol/errors.js";
import { InvalidParameterException, InvalidRequestException, ResourceExistsException, ResourceNotFoundException } from "../generated/errors.js";

export const SECRET_NOT_FOUND = "Secrets Manager can't find the specified secret.";
export const MARKED_FOR_DELETION = "You can't perform this operation on the secret because it was marked for deletion.";
export const INVALID_NAME = "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!";
export const TOKEN_REQUIRED = "You must provide a ClientRequestToken value. We recommend a UUID-type value.";
export const BOTH_VALUES = "You can't specify both a binary secret value and a string secret value in the same secret.";
export const NO_VALUE = "You must provide either SecretString or SecretBinary.";
export const SCHEDULED_NAME = "You can't create this secret because a secret with this name is already scheduled for deletion.";
export const STAGE_NOT_ON_VERSION = "You provided a VersionStage that is not associated to the provided VersionId.";
export const REPLICA_ONLY_IN_PRIMARY = "Operation not permitted on a replica secret. Call must be made in primary secret's region.";

export const notFound = (): AwsError => new ResourceNotFoundException(SECRET_NOT_FOUND);
export const markedForDeletion = (): AwsError => new InvalidRequestException(MARKED_FOR_DELETION);
/** Secrets Manager answers a malformed name as a ValidationException, though no model lists it. */
export const invalidName = (): AwsError => new AwsError("ValidationException", INVALID_NAME, 400);
export const tokenRequired = (): AwsError => new InvalidRequestException(TOKEN_REQUIRED);
export const secretExists = (name: string): AwsError => new ResourceExistsException(`The operation failed because the secret ${name} already exists.`);
export const tokenInUse = (token: string, arn: string): AwsError =>
  new ResourceExistsException(`You can't use ClientRequestToken ${token} because that value is already in use for a version of secret ${arn}.`);
export const noValueForStage = (stage: string): AwsError => new ResourceNotFoundException(`Secrets Manager can't find the specified secret value for staging label: ${stage}`);
export const noValueForVersion = (versionId: string): AwsError => new ResourceNotFoundException(`Secrets Manager can't find the specified secret value for VersionId: ${versionId}`);
export const invalidParameter = (message: string): AwsError => new InvalidParameterException(message);
export const replicaOnlyInPrimary = (): AwsError => new InvalidRequestException(REPLICA_ONLY_IN_PRIMARY);

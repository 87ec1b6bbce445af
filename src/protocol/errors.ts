// The one error type every layer throws; the protocol serializers turn it into AWS's wire form.

export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
  ) {
    super(message);
    this.name = code;
  }
}

/** Errors of the awsJson protocol itself, raised before an operation runs (not in any service model). */
export const protocolErrors = {
  serialization: (message: string) => new AwsError("SerializationException", message, 400),
  unknownOperation: (message = "") => new AwsError("UnknownOperationException", message, 400),
  validation: (message: string) => new AwsError("ValidationException", message, 400),
  tooLarge: (limit: number) => new AwsError("RequestEntityTooLargeException", `Request body must be at most ${limit} bytes.`, 413),
  unsupportedMediaType: (type: string) => new AwsError("UnsupportedMediaTypeException", `Content-Type ${type} is not supported.`, 415),
  server: () => new AwsError("ServerException", "An internal error occurred in ecs-local; it was logged.", 500),
};

/**
 * Errors every query service shares (AWS's common errors, in no single model): a request that breaks
 * a rule the service checks itself, and a feature of a served operation that ecs-local lacks.
 */
export const commonErrors = {
  validation: (message: string) => new AwsError("ValidationError", message, 400),
  unsupported: (message: string) => new AwsError("UnsupportedOperation", message, 400),
  /** The caller may not do this (STS: a trust policy that does not admit it). */
  accessDenied: (message: string) => new AwsError("AccessDenied", message, 403),
};

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

/**
 * An error with an AWS error code. `type` is what the wire calls the error (`__type` for JSON
 * protocols, `Code` for EC2); `fields` are extra modeled members (Lightsail's code/docs/tip).
 */
export class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = type;
  }
}

export const isAwsError = (e: unknown): e is AwsError => e instanceof AwsError;

export const internalFailure = () =>
  new AwsError("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500);

export const serializationError = (message: string) => new AwsError("SerializationException", message, 400);

export const unknownOperation = (target: string) =>
  new AwsError("UnknownOperationException", `The operation ${target} is not known to this service.`, 400);

export const notImplemented = (service: string, operation: string) =>
  new AwsError("NotImplementedException", `Skiff does not implement ${service} ${operation} yet.`, 501);

export const requestTooLarge = (limit: number) =>
  new AwsError("RequestEntityTooLargeException", `The request body is larger than ${limit} bytes.`, 413);

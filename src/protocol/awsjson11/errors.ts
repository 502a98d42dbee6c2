import type { AwsError } from "../../core/errors.js";

/**
 * The awsJson1_1 error envelope: `__type` names the exception (boto3 and the CLI read it),
 * `x-amzn-ErrorType` says the same (SDK v3 and Go v2 read the header before the body), and the
 * service's modeled members (Lightsail: code, docs, message, tip) sit beside it.
 */
export function encodeJsonError(error: AwsError): { status: number; headers: Record<string, string>; body: string } {
  const body = { __type: error.type, message: error.message, ...error.fields };
  return {
    status: error.status,
    headers: { "x-amzn-ErrorType": error.type },
    body: JSON.stringify(body),
  };
}

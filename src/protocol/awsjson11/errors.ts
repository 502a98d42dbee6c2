import type { AwsError } from "../../core/errors.js";

/**
 * The longest message an error carries. Messages quote what the client sent; a 4 MB value quoted
 * whole made a 4 MB answer (twice over in Lightsail's `message` field), tens of milliseconds of
 * JSON escaping on the event loop to tell the client what it already has.
 */
export const MAX_MESSAGE_CHARS = 1024;

const bounded = (text: string) => (text.length <= MAX_MESSAGE_CHARS ? text : `${text.slice(0, MAX_MESSAGE_CHARS)}… (${text.length} characters in all)`);

/**
 * The awsJson1_1 error envelope: `__type` names the exception (boto3 and the CLI read it),
 * `x-amzn-ErrorType` says the same (SDK v3 and Go v2 read the header before the body), and the
 * service's modeled members (Lightsail: code, docs, message, tip) sit beside it.
 */
export function encodeJsonError(error: AwsError): { status: number; headers: Record<string, string>; body: string } {
  const fields = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, bounded(v)]));
  const body = { __type: error.type, message: bounded(error.message), ...fields };
  return {
    status: error.status,
    headers: { "x-amzn-ErrorType": error.type },
    body: JSON.stringify(body),
  };
}

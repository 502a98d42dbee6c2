import { notImplemented as notImplementedError, unknownOperation } from "../core/errors.js";
import type { Scope } from "../core/scope.js";
import { decodeJsonInput } from "../protocol/awsjson11/decode.js";
import { encodeJsonOutput } from "../protocol/awsjson11/encode.js";
import { notImplemented, type RequestContext } from "../services/context.js";
import type { JsonService } from "../services/service.js";
import type { Reply } from "./http.js";

const CONTENT_TYPE = "application/x-amz-json-1.1";

/** decode → dispatch → encode for one awsJson1_1 request. Errors are thrown for the listener to encode. */
export async function handleJsonRequest(
  service: JsonService,
  operation: string,
  body: string,
  makeContext: (scope: Scope, requestId: string) => RequestContext,
  scope: Scope,
  requestId: string,
): Promise<Reply> {
  const shapes = service.model.operations[operation];
  const handler = (service.operations as Record<string, unknown>)[operation];
  if (!shapes || handler === undefined) throw unknownOperation(`${service.targetPrefix}.${operation}`);
  // Decoding first: a malformed request is answered as such whether or not Skiff implements the operation.
  const input = decodeJsonInput(service.model, shapes.input, body, service.inputRules);
  if (handler === notImplemented) throw notImplementedError(service.name, operation);
  const output = await (handler as (ctx: RequestContext, input: unknown) => Promise<object>)(makeContext(scope, requestId), input);
  return { status: 200, headers: { "Content-Type": CONTENT_TYPE }, body: encodeJsonOutput(service.model, shapes.output, output) };
}

export { CONTENT_TYPE as JSON_CONTENT_TYPE };

import { AwsError, internalFailure, notImplemented as notImplementedError, unknownOperation } from "../core/errors.js";
import { decodeJsonInput } from "../protocol/awsjson11/decode.js";
import { encodeJsonChunks } from "../protocol/awsjson11/encode.js";
import { encodeJsonError } from "../protocol/awsjson11/errors.js";
import { notImplemented, type RequestContext } from "../services/context.js";
import { jsonServices } from "../services/index.js";
import { readBody, type Reply } from "./http.js";
import type { WireProtocol } from "./protocol.js";
import { resolveScope } from "./scope.js";

const CONTENT_TYPE = "application/x-amz-json-1.1";

const errorReply = (error: AwsError): Reply => {
  const encoded = encodeJsonError(error);
  return { status: encoded.status, headers: { ...encoded.headers, "Content-Type": CONTENT_TYPE }, body: encoded.body };
};

/** awsJson1_1 (Lightsail): X-Amz-Target names service and operation; decode → dispatch → encode. */
export const jsonProtocol: WireProtocol = {
  async handle({ req, requestId, trace }, deps) {
    const target = String(req.headers["x-amz-target"]);
    trace.operation = target;
    const body = await readBody(req);
    const dot = target.lastIndexOf(".");
    const service = jsonServices[target.slice(0, dot)];
    if (!service || dot < 0) throw new AwsError("UnknownOperationException", `No service answers the target ${target}.`, 400);
    const operation = target.slice(dot + 1);
    const shapes = service.model.operations[operation];
    const handler = (service.operations as Record<string, unknown>)[operation];
    if (!shapes || handler === undefined) throw unknownOperation(`${service.targetPrefix}.${operation}`);
    // Decoding first: a malformed request is answered as such whether or not Skiff implements the operation.
    const input = decodeJsonInput(service.model, shapes.input, body, service.inputRules);
    if (handler === notImplemented) throw notImplementedError(service.name, operation);
    const ctx = deps.makeContext(resolveScope(req.headers.authorization), requestId);
    const output = await (handler as (ctx: RequestContext, input: unknown) => Promise<object>)(ctx, input);
    return { status: 200, headers: { "Content-Type": CONTENT_TYPE }, body: shapes.output ? encodeJsonChunks(service.model, shapes.output, output) : "{}" };
  },
  errorReply,
  internalError: internalFailure,
};

/** Requests that no protocol claims get a JSON error that says what to send (there is no service to speak for). */
export const unknownProtocol: WireProtocol = {
  async handle({ req }) {
    await readBody(req);
    throw new AwsError(
      "UnknownOperationException",
      "Skiff speaks the AWS wire protocols: send an X-Amz-Target header (Lightsail) or a form-encoded Action (EC2) through an AWS client pointed at this endpoint.",
    );
  },
  errorReply,
  internalError: internalFailure,
};

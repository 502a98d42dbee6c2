import { AwsError, internalFailure, notImplemented as notImplementedError, unknownOperation } from "../core/errors.js";
import { decodeJsonInput } from "../protocol/awsjson11/decode.js";
import { encodeJsonChunks } from "../protocol/awsjson11/encode.js";
import { encodeJsonError } from "../protocol/awsjson11/errors.js";
import { notImplemented, type RequestContext } from "../services/context.js";
import { jsonServices, ownEntry } from "../services/index.js";
import { jsonAuthErrors } from "./auth/errors.js";
import type { Reply } from "./http.js";
import type { WireProtocol } from "./protocol.js";

const CONTENT_TYPE = "application/x-amz-json-1.1";

const errorReply = (error: AwsError): Reply => {
  const encoded = encodeJsonError(error);
  return { status: encoded.status, headers: { ...encoded.headers, "Content-Type": CONTENT_TYPE }, body: encoded.body };
};

/** awsJson1_1 (Lightsail): X-Amz-Target names service and operation; authenticate → decode → dispatch → encode. */
export const jsonProtocol: WireProtocol = {
  async handle(call, deps) {
    const { req, body, requestId, trace } = call;
    const target = String(req.headers["x-amz-target"]);
    trace.operation = target;
    const dot = target.lastIndexOf(".");
    const service = dot < 0 ? undefined : jsonServices.get(target.slice(0, dot));
    if (!service) throw new AwsError("UnknownOperationException", `No service answers the target ${target.slice(0, 200)}.`, 400);
    const principal = await deps.authenticator.authenticate(call, service.signingName, jsonAuthErrors);
    trace.account = principal.account;
    const operation = target.slice(dot + 1);
    const shapes = ownEntry(service.model.operations, operation);
    const handler = ownEntry(service.operations, operation);
    if (!shapes || handler === undefined) throw unknownOperation(`${service.targetPrefix}.${operation}`.slice(0, 200));
    // Decoding first: a malformed request is answered as such whether or not Skiff implements the operation.
    const input = decodeJsonInput(service.model, shapes.input, body.toString("utf8"), service.inputRules);
    if (handler === notImplemented) throw notImplementedError(service.name, operation);
    const ctx = deps.makeContext({ account: principal.account, region: principal.region }, requestId);
    const output = await (handler as (ctx: RequestContext, input: unknown) => Promise<object>)(ctx, input);
    return { status: 200, headers: { "Content-Type": CONTENT_TYPE }, body: shapes.output ? encodeJsonChunks(service.model, shapes.output, output) : "{}" };
  },
  errorReply,
  internalError: internalFailure,
};

/** Requests that no protocol claims get a JSON error that says what to send (there is no service to speak for). */
export const unknownProtocol: WireProtocol = {
  async handle() {
    throw new AwsError(
      "UnknownOperationException",
      "Skiff speaks the AWS wire protocols: send an X-Amz-Target header (Lightsail) or a form-encoded Action (EC2) through an AWS client pointed at this endpoint.",
    );
  },
  errorReply,
  internalError: internalFailure,
};

import { AwsError, internalFailure, unknownOperation } from "../core/errors.js";
import { decodeJsonInput } from "../protocol/awsjson11/decode.js";
import { encodeJsonChunks } from "../protocol/awsjson11/encode.js";
import { encodeJsonError } from "../protocol/awsjson11/errors.js";
import { jsonServices } from "../services/index.js";
import type { JsonService } from "../services/service.js";
import { jsonAuthErrors } from "./auth/errors.js";
import { dispatch, type ServiceCodec } from "./dispatch.js";
import type { Reply } from "./http.js";
import type { WireProtocol } from "./protocol.js";

const CONTENT_TYPE = "application/x-amz-json-1.1";

const errorReply = (error: AwsError): Reply => {
  const encoded = encodeJsonError(error);
  return { status: encoded.status, headers: { ...encoded.headers, "Content-Type": CONTENT_TYPE }, body: encoded.body };
};

const codec: ServiceCodec<JsonService, string> = {
  authErrors: jsonAuthErrors,
  unknownOperation: (service, operation) => unknownOperation(`${service.targetPrefix}.${operation}`.slice(0, 200)),
  decode: (service, inputShape, body) => decodeJsonInput(service.model, inputShape, body, service.inputRules),
  encode: (service, _operation, outputShape, output) => ({
    status: 200,
    headers: { "Content-Type": CONTENT_TYPE },
    body: outputShape ? encodeJsonChunks(service.model, outputShape, output as object) : "{}",
  }),
};

/** awsJson1_1 (Lightsail): X-Amz-Target names service and operation; the rest is the dispatch path's. */
export const jsonProtocol: WireProtocol = {
  async handle(call, deps) {
    const target = String(call.req.headers["x-amz-target"]);
    call.trace.operation = target;
    const dot = target.lastIndexOf(".");
    const service = dot < 0 ? undefined : jsonServices.get(target.slice(0, dot));
    if (!service) throw new AwsError("UnknownOperationException", `No service answers the target ${target.slice(0, 200)}.`, 400);
    return dispatch(codec, { service, operation: target.slice(dot + 1), raw: call.body.toString("utf8") }, call, deps);
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

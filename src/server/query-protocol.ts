import { AwsError, requestTooLarge } from "../core/errors.js";
import { countQueryParams, decodeQueryInput, MAX_QUERY_PARAMS, parseQueryParams } from "../protocol/ec2query/decode.js";
import { encodeQueryChunks } from "../protocol/ec2query/encode.js";
import { encodeQueryError } from "../protocol/ec2query/errors.js";
import { queryServices } from "../services/index.js";
import type { QueryService } from "../services/service.js";
import { STS_SIGNING_NAME, STS_VERSION, stsAnswer, stsError } from "../services/sts/sts.js";
import { ec2AuthErrors, stsAuthErrors } from "./auth/errors.js";
import { dispatch, type ServiceCodec } from "./dispatch.js";
import type { Reply } from "./http.js";
import type { IncomingCall, ListenerDeps, WireProtocol } from "./protocol.js";

/** Parameters that belong to the envelope or to authentication, not to the operation's input. */
const ENVELOPE = new Set([
  "Action", "Version", "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders",
  "X-Amz-Signature", "X-Amz-Security-Token", "AWSAccessKeyId", "SignatureVersion", "SignatureMethod", "Signature", "Timestamp", "Expires",
]);

/**
 * The largest query body: form parsing costs about 15 ms a megabyte, and no request may hold the
 * event loop for 50 ms. (EC2's largest inputs, 16 KB of user data or a public key, are far below.)
 */
export const MAX_QUERY_BODY_BYTES = 1024 * 1024;

const tooManyParameters = (count: number) =>
  new AwsError("InvalidParameterValue", `The request has ${count} parameters; at most ${MAX_QUERY_PARAMS} are accepted.`, 400);

/** The request's parameters, from its query string and (POST) its form body, bounded before they are parsed. */
function requestParams(call: IncomingCall): Map<string, string> {
  if (call.body.length > MAX_QUERY_BODY_BYTES) throw requestTooLarge(MAX_QUERY_BODY_BYTES);
  const query = call.url.search.slice(1);
  const form = call.req.method === "POST" ? call.body.toString("utf8") : "";
  const count = countQueryParams(query) + countQueryParams(form);
  if (count > MAX_QUERY_PARAMS) throw tooManyParameters(count);
  const params = parseQueryParams(query);
  for (const [k, v] of parseQueryParams(form)) params.set(k, v);
  return params;
}

const missingEnvelope = (name: string) => new AwsError("MissingParameter", `The request must contain the parameter ${name}`, 400);

/** STS speaks awsQuery: its own envelope for answers and errors, whatever goes wrong. */
async function stsCall(call: IncomingCall, deps: ListenerDeps, action: string): Promise<Reply> {
  try {
    const principal = await deps.authenticator.authenticate(call, STS_SIGNING_NAME, stsAuthErrors);
    call.trace.account = principal.account;
    call.trace.region = principal.region;
    return stsAnswer(action, principal, call.requestId);
  } catch (e) {
    if (e instanceof AwsError) return stsError(e, call.requestId);
    throw e;
  }
}

const codec: ServiceCodec<QueryService, Map<string, string>> = {
  authErrors: ec2AuthErrors,
  unknownOperation: (_service, operation) => new AwsError("InvalidAction", `The action ${operation.slice(0, 200)} is not valid for this web service.`, 400),
  decode(service, inputShape, params) {
    for (const k of ENVELOPE) params.delete(k);
    return decodeQueryInput(service.model, inputShape, params, service.inputRules);
  },
  encode: (service, operation, outputShape, output, requestId) => ({
    status: 200,
    headers: { "Content-Type": "text/xml;charset=UTF-8" },
    body: encodeQueryChunks(service.model, operation, outputShape, output as object | undefined, requestId, service.xmlNamespace),
  }),
};

/**
 * The EC2 query protocol: `Action=<Op>&Version=<api version>&…` in a form body (or a GET query
 * string), XML out. The Version picks the service, the Action its operation; the rest is the
 * dispatch path's.
 */
export const queryProtocol: WireProtocol = {
  async handle(call, deps) {
    const params = requestParams(call);
    const action = params.get("Action");
    if (!action) throw missingEnvelope("Action");
    call.trace.operation = action.slice(0, 200);
    const version = params.get("Version");
    if (!version) throw missingEnvelope("Version");
    if (version === STS_VERSION) return stsCall(call, deps, action);
    const service = queryServices.get(version);
    if (!service) throw new AwsError("NoSuchVersion", `The requested version (${version.slice(0, 100)}) of service ${call.trace.operation} does not exist.`, 400);
    return dispatch(codec, { service, operation: action, raw: params }, call, deps);
  },
  errorReply(error, requestId) {
    return encodeQueryError(error, requestId);
  },
  internalError: () => new AwsError("InternalError", "An internal error has occurred.", 500),
};

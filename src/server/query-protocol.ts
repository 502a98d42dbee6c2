import { AwsError, notImplemented as notImplementedError, requestTooLarge } from "../core/errors.js";
import { countQueryParams, decodeQueryInput, MAX_QUERY_PARAMS, parseQueryParams } from "../protocol/ec2query/decode.js";
import { encodeQueryChunks } from "../protocol/ec2query/encode.js";
import { encodeQueryError } from "../protocol/ec2query/errors.js";
import { notImplemented, type RequestContext } from "../services/context.js";
import { ownEntry, queryServices } from "../services/index.js";
import { STS_SIGNING_NAME, STS_VERSION, stsAnswer, stsError } from "../services/sts/sts.js";
import { ec2AuthErrors, stsAuthErrors } from "./auth/errors.js";
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
    return stsAnswer(action, principal, call.requestId);
  } catch (e) {
    if (e instanceof AwsError) return stsError(e, call.requestId);
    throw e;
  }
}

/**
 * The EC2 query protocol: `Action=<Op>&Version=<api version>&…` in a form body (or a GET query
 * string), XML out. The Version picks the service, the Action its operation.
 */
export const queryProtocol: WireProtocol = {
  async handle(call, deps) {
    const { requestId, trace } = call;
    const params = requestParams(call);
    const action = params.get("Action");
    if (!action) throw missingEnvelope("Action");
    trace.operation = action.slice(0, 200);
    const version = params.get("Version");
    if (!version) throw missingEnvelope("Version");
    if (version === STS_VERSION) return stsCall(call, deps, action);
    const service = queryServices.get(version);
    if (!service) throw new AwsError("NoSuchVersion", `The requested version (${version.slice(0, 100)}) of service ${trace.operation} does not exist.`, 400);
    const principal = await deps.authenticator.authenticate(call, service.signingName, ec2AuthErrors);
    trace.account = principal.account;
    const handler = ownEntry(service.operations, action);
    if (handler === undefined) throw new AwsError("InvalidAction", `The action ${trace.operation} is not valid for this web service.`, 400);
    if (handler === notImplemented) throw notImplementedError(service.name, action);
    const shapes = ownEntry(service.model.operations, action);
    if (!shapes) throw new Error(`${service.name} ${action} has a handler but no shapes: add it to scripts/gen-models.mjs and run npm run gen`);
    for (const k of ENVELOPE) params.delete(k);
    const input = decodeQueryInput(service.model, shapes.input, params, service.inputRules);
    const ctx = deps.makeContext({ account: principal.account, region: principal.region }, requestId);
    const output = await (handler as (ctx: RequestContext, input: unknown) => Promise<object | undefined>)(ctx, input);
    return {
      status: 200,
      headers: { "Content-Type": "text/xml;charset=UTF-8" },
      body: encodeQueryChunks(service.model, action, shapes.output, output, requestId, service.xmlNamespace),
    };
  },
  errorReply(error, requestId) {
    return encodeQueryError(error, requestId);
  },
  internalError: () => new AwsError("InternalError", "An internal error has occurred.", 500),
};

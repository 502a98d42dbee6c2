import { AwsError, notImplemented as notImplementedError } from "../core/errors.js";
import { decodeQueryInput, parseQueryParams } from "../protocol/ec2query/decode.js";
import { encodeQueryChunks } from "../protocol/ec2query/encode.js";
import { encodeQueryError } from "../protocol/ec2query/errors.js";
import { notImplemented, type RequestContext } from "../services/context.js";
import { queryServices } from "../services/index.js";
import { readBody } from "./http.js";
import type { WireProtocol } from "./protocol.js";
import { resolveScope } from "./scope.js";

/** Parameters that belong to the envelope or to authentication, not to the operation's input. */
const ENVELOPE = new Set([
  "Action", "Version", "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders",
  "X-Amz-Signature", "X-Amz-Security-Token", "AWSAccessKeyId", "SignatureVersion", "SignatureMethod", "Signature", "Timestamp", "Expires",
]);

const missingEnvelope = (name: string) => new AwsError("MissingParameter", `The request must contain the parameter ${name}`, 400);

/**
 * The EC2 query protocol: `Action=<Op>&Version=<api version>&…` in a form body (or a GET query
 * string), XML out. The Version picks the service, the Action its operation.
 */
export const queryProtocol: WireProtocol = {
  async handle({ req, url, requestId, trace }, deps) {
    const body = req.method === "POST" ? await readBody(req) : "";
    const params = parseQueryParams(url.search.slice(1));
    for (const [k, v] of parseQueryParams(body)) params.set(k, v);
    const action = params.get("Action");
    if (!action) throw missingEnvelope("Action");
    trace.operation = action;
    const version = params.get("Version");
    if (!version) throw missingEnvelope("Version");
    const service = queryServices[version];
    if (!service) throw new AwsError("NoSuchVersion", `The requested version (${version}) of service ${action} does not exist.`, 400);
    const handler = (service.operations as Record<string, unknown>)[action];
    if (handler === undefined) throw new AwsError("InvalidAction", `The action ${action} is not valid for this web service.`, 400);
    if (handler === notImplemented) throw notImplementedError(service.name, action);
    const shapes = service.model.operations[action];
    if (!shapes) throw new Error(`${service.name} ${action} has a handler but no shapes: add it to scripts/gen-models.mjs and run npm run gen`);
    for (const k of ENVELOPE) params.delete(k);
    const input = decodeQueryInput(service.model, shapes.input, params, service.inputRules);
    const scope = resolveScope(req.headers.authorization, url.searchParams.get("X-Amz-Credential") ?? undefined);
    const output = await (handler as (ctx: RequestContext, input: unknown) => Promise<object | undefined>)(deps.makeContext(scope, requestId), input);
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

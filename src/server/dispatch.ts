import { AwsError, notImplemented } from "../core/errors.js";
import type { Handler } from "../services/context.js";
import { ownEntry } from "../services/index.js";
import type { Service } from "../services/service.js";
import type { AuthErrors } from "./auth/authenticator.js";
import type { Reply } from "./http.js";
import type { IncomingCall, ListenerDeps } from "./protocol.js";
import { resourceIds } from "./resource-ids.js";

/**
 * What a wire protocol plugs into the dispatch path: its authentication error codes, its answer to
 * an operation the model does not name, and its codec. Errors are encoded by the protocol's
 * WireProtocol.errorReply, so each protocol keeps its own error envelope.
 */
export interface ServiceCodec<S extends Service, Raw> {
  authErrors: AuthErrors;
  unknownOperation(service: S, operation: string): AwsError;
  decode(service: S, inputShape: string, raw: Raw): unknown;
  encode(service: S, operation: string, outputShape: string | undefined, output: unknown, requestId: string): Reply;
}

/** The service and operation a request names, read from the protocol's envelope, and the rest of it still undecoded. */
export interface Located<S extends Service, Raw> {
  service: S;
  operation: string;
  raw: Raw;
}

/**
 * The one request skeleton of every service (STYLE 6): authenticate → find the operation → decode
 * → scope (account and region from authentication) → handler → encode. Both protocols come here
 * once they have read their envelope.
 */
export async function dispatch<S extends Service, Raw>(codec: ServiceCodec<S, Raw>, located: Located<S, Raw>, call: IncomingCall, deps: ListenerDeps): Promise<Reply> {
  const { service, operation, raw } = located;
  const principal = await deps.authenticator.authenticate(call, service.signingName, codec.authErrors);
  call.trace.account = principal.account;
  call.trace.region = principal.region;
  if (!service.operationNames.has(operation)) throw codec.unknownOperation(service, operation);
  const shapes = ownEntry(service.model.operations, operation);
  const handler: Handler | undefined = ownEntry(service.handlers, operation);
  // Decoding first: a malformed request is answered as such whether or not Skiff implements the
  // operation. (EC2's model has shapes only for the operations Skiff implements.)
  const input = shapes ? codec.decode(service, shapes.input, raw) : undefined;
  if (!handler) throw notImplemented(service.name, operation);
  if (!shapes) throw new Error(`${service.name} ${operation} has a handler but no shapes: add it to scripts/gen-models.mjs and run npm run gen`);
  call.trace.resources = resourceIds(input);
  const ctx = deps.makeContext({ account: principal.account, region: principal.region }, call.requestId);
  const output: unknown = await handler(ctx, input);
  return codec.encode(service, operation, shapes.output, output, call.requestId);
}

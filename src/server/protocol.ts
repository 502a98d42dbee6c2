import type { IncomingMessage } from "node:http";
import type { AwsError } from "../core/errors.js";
import type { Logger } from "../core/log.js";
import type { Scope } from "../core/scope.js";
import type { RequestContext } from "../services/context.js";
import type { AdminDeps } from "./admin.js";
import type { Authenticator } from "./auth/authenticator.js";
import type { Reply } from "./http.js";

export interface ListenerDeps {
  admin: AdminDeps;
  makeContext: (scope: Scope, requestId: string) => RequestContext;
  /** Who signed a request (auth on), or the account and region it names (auth off). */
  authenticator: Authenticator;
  log: Logger;
  now: () => number;
}

export interface IncomingCall {
  req: IncomingMessage;
  url: URL;
  /** The whole body, read (bounded) before any protocol looks at it. */
  body: Buffer;
  requestId: string;
  /** What the request asks for, for its log line; each field set as soon as it is known. */
  trace: RequestTrace;
}

export interface RequestTrace {
  /** The AWS operation (`Lightsail_20161128.GetInstance`, `DescribeSnapshots`), or `admin /_skiff/…`. */
  operation: string;
  account?: string;
  region?: string;
  /** The names and ids the request is about, bounded (server/resource-ids.ts). */
  resources?: string[];
}

/**
 * One wire protocol on the shared port: it answers the requests the listener hands it and
 * encodes its own errors, so a failure in an EC2 call is EC2 XML and one in a Lightsail call JSON.
 */
export interface WireProtocol {
  handle(call: IncomingCall, deps: ListenerDeps): Promise<Reply>;
  errorReply(error: AwsError, requestId: string): Reply;
  /** What a bug (anything thrown that is not an AwsError) looks like to this protocol's clients. */
  internalError(): AwsError;
}

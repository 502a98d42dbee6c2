import type { IncomingMessage } from "node:http";
import type { AwsError } from "../../core/errors.js";
import type { Scope } from "../../core/scope.js";

/** Who a request acts as: the scope everything below it works in, and whether it may use /_skiff/. */
export interface Principal extends Scope {
  accessKeyId: string;
  admin: boolean;
}

/** What authentication reads of a request. */
export interface SignedRequest {
  req: IncomingMessage;
  url: URL;
  body: Buffer;
}

/** The ways a request can fail authentication; each protocol names them with its own error codes. */
export type AuthFailureKind = "missing" | "incomplete" | "unknownKey" | "signature" | "expired";

export type AuthErrors = Record<AuthFailureKind, (message: string) => AwsError>;

export class AuthFailure extends Error {
  constructor(
    readonly kind: AuthFailureKind,
    message: string,
  ) {
    super(message);
  }
}

export interface Authenticator {
  readonly mode: "off" | "sigv4";
  /**
   * The principal of a request to the service whose SigV4 signing name is `signingName`, or the
   * protocol's error (from `errors`) saying why the request is refused.
   */
  authenticate(request: SignedRequest, signingName: string, errors: AuthErrors): Promise<Principal>;
}

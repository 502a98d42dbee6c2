import { AwsError } from "../core/errors.js";
import { handleAdmin } from "./admin.js";
import { jsonProtocol } from "./json-protocol.js";
import type { WireProtocol } from "./protocol.js";
import { jsonAuthErrors } from "./auth/errors.js";

/** The credential scope's service of a signed admin request (`curl --aws-sigv4 "aws:amz:us-east-1:skiff"`). */
export const ADMIN_SIGNING_NAME = "skiff";

const notAdmin = () => new AwsError("AccessDeniedException", "The /_skiff/ endpoints answer only requests signed with an admin key (skiff keys create --admin).", 403);

/** /_skiff/*: JSON in and out; with auth on, only for admin keys. */
export const adminProtocol: WireProtocol = {
  async handle({ req, url, body, trace }, deps) {
    trace.operation = `admin ${url.pathname}`;
    const principal = await deps.authenticator.authenticate({ req, url, body }, ADMIN_SIGNING_NAME, jsonAuthErrors);
    trace.account = principal.account;
    trace.region = principal.region;
    if (!principal.admin) throw notAdmin();
    return handleAdmin(req.method ?? "GET", url.pathname, body.toString("utf8"), deps.admin);
  },
  errorReply: jsonProtocol.errorReply,
  internalError: jsonProtocol.internalError,
};

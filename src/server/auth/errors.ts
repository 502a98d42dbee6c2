import { AwsError } from "../../core/errors.js";
import type { AuthErrors } from "./authenticator.js";

/**
 * Each protocol's codes for failed authentication, from the services' Common Errors pages
 * (src/services/lightsail/GAPS.md, "Authentication", lists the choices).
 */
export const jsonAuthErrors: AuthErrors = {
  missing: (m) => new AwsError("MissingAuthenticationToken", m, 403),
  incomplete: (m) => new AwsError("IncompleteSignature", m, 400),
  unknownKey: (m) => new AwsError("InvalidClientTokenId", `The security token included in the request is invalid. ${m}`, 403),
  signature: (m) => new AwsError("InvalidSignatureException", m, 403),
  expired: (m) => new AwsError("RequestExpired", m, 400),
};

export const ec2AuthErrors: AuthErrors = {
  missing: (m) => new AwsError("MissingAuthenticationToken", m, 401),
  incomplete: (m) => new AwsError("IncompleteSignature", m, 400),
  unknownKey: (m) => new AwsError("AuthFailure", `AWS was not able to validate the provided access credentials. ${m}`, 401),
  signature: (m) => new AwsError("SignatureDoesNotMatch", m, 403),
  expired: (m) => new AwsError("RequestExpired", m, 400),
};

/** STS (awsQuery) names a bad signature as the query services do; the rest as Lightsail. */
export const stsAuthErrors: AuthErrors = { ...jsonAuthErrors, signature: (m) => new AwsError("SignatureDoesNotMatch", m, 403) };

import { DEFAULT_ACCOUNT, DEFAULT_REGION, type Scope } from "../core/scope.js";

const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;

/**
 * Account and region of a request. The region is the SigV4 credential scope's (or the presigned
 * X-Amz-Credential's); the account is the access key id when that is 12 digits, else the default.
 * Signatures are not verified (see README: authentication).
 */
export function resolveScope(authorization: string | undefined, queryCredential?: string): Scope & { service?: string } {
  const source = authorization ?? (queryCredential ? `Credential=${queryCredential}` : "");
  const m = CREDENTIAL.exec(source);
  if (!m) return { account: DEFAULT_ACCOUNT, region: DEFAULT_REGION };
  const [, accessKey, region, service] = m;
  return { account: /^\d{12}$/.test(accessKey!) ? accessKey! : DEFAULT_ACCOUNT, region: region!, service };
}

import { DEFAULT_ACCOUNT, DEFAULT_REGION } from "../../core/scope.js";
import type { Authenticator, Principal, SignedRequest } from "./authenticator.js";
import { credentialOf } from "./signature-parts.js";

/**
 * `--auth off`, the convention of local AWS emulators: any signature, or none, is accepted. The
 * credential scope only picks the region and a 12-digit access key id is the account; every
 * request may use the admin endpoints.
 */
export const unverifiedAuthenticator: Authenticator = {
  mode: "off",
  async authenticate(request: SignedRequest): Promise<Principal> {
    const credential = credentialOf(request);
    const accessKeyId = credential?.accessKeyId ?? "";
    return {
      accessKeyId,
      account: /^\d{12}$/.test(accessKeyId) ? accessKeyId : DEFAULT_ACCOUNT,
      region: credential?.region ?? DEFAULT_REGION,
      admin: true,
    };
  },
};

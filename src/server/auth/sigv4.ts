import type { HttpRequest, QueryParameterBag } from "@smithy/types";
import type { AccessKeyRecord } from "../../state/records.js";
import { AuthFailure, type Authenticator, type Principal, type SignedRequest } from "./authenticator.js";
import { SignatureCalculator } from "./signature-calculator.js";
import { signatureParts, type SignatureParts } from "./signature-parts.js";

/** How far a signature's date may be from the host's time (AWS: 15 minutes). */
export const MAX_SKEW_MS = 15 * 60_000;

export interface KeyLookup {
  /** A key known without asking the store; undefined when it must be read with `get`. */
  kept?(accessKeyId: string): AccessKeyRecord | undefined;
  get(accessKeyId: string): Promise<AccessKeyRecord | undefined>;
}

const SIGNATURE_DOES_NOT_MATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/**
 * `--auth sigv4`: every request carries a valid Signature Version 4 of a known key, dated within
 * 15 minutes of the host's time (never the Skiff clock, which users move), scoped to the service
 * it calls. The principal is the key's account, in the credential scope's region.
 */
export function sigv4Authenticator(keys: KeyLookup, hostNow: () => number): Authenticator {
  const calculator = new SignatureCalculator();
  return {
    mode: "sigv4",
    async authenticate(request, signingName, errors): Promise<Principal> {
      try {
        const parts = signatureParts(request);
        if (!parts) throw new AuthFailure("missing", "The request must contain either a valid (registered) AWS access key ID or X.509 certificate: sign it with Signature Version 4.");
        // The hot path awaits nothing: the key and its signing key are usually kept from earlier calls.
        const key = keys.kept?.(parts.accessKeyId) ?? (await keys.get(parts.accessKeyId));
        if (!key) throw new AuthFailure("unknownKey", `The access key id ${parts.accessKeyId.slice(0, 40)} does not exist in Skiff's records (skiff keys list).`);
        if (parts.service !== signingName) throw new AuthFailure("signature", `Credential should be scoped to correct service: '${signingName}'.`);
        if (parts.amzDate.slice(0, 8) !== parts.date) throw new AuthFailure("signature", `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parts.date}' != '${parts.amzDate.slice(0, 8)}'.`);
        checkDate(parts, hostNow());
        const signingKey = calculator.keptSigningKey(parts, key.secretAccessKey) ?? (await calculator.deriveSigningKey(parts, key.secretAccessKey));
        if (!calculator.matches(toHttpRequest(request, parts), parts, signingKey)) throw new AuthFailure("signature", SIGNATURE_DOES_NOT_MATCH);
        return { accessKeyId: key.accessKeyId, account: key.account, region: parts.region, admin: key.admin };
      } catch (e) {
        if (e instanceof AuthFailure) throw errors[e.kind](e.message);
        throw e;
      }
    },
  };
}

const basic = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, "");

function checkDate(parts: SignatureParts, now: number) {
  const a = parts.amzDate;
  const signedAt = Date.UTC(+a.slice(0, 4), +a.slice(4, 6) - 1, +a.slice(6, 8), +a.slice(9, 11), +a.slice(11, 13), +a.slice(13, 15));
  if (!Number.isFinite(signedAt)) throw new AuthFailure("incomplete", `X-Amz-Date '${a}' is not a valid date.`);
  if (signedAt > now + MAX_SKEW_MS) throw new AuthFailure("expired", `Signature not yet current: ${a} is still later than ${basic(now + MAX_SKEW_MS)} (${basic(now)} + 15 min.)`);
  if (parts.presigned) {
    if (now > signedAt + parts.expiresIn! * 1000) throw new AuthFailure("expired", `Request has expired: the presigned URL of ${a} was valid for ${parts.expiresIn} seconds.`);
  } else if (signedAt < now - MAX_SKEW_MS) {
    throw new AuthFailure("expired", `Signature expired: ${a} is now earlier than ${basic(now - MAX_SKEW_MS)} (${basic(now)} - 15 min.)`);
  }
}

/** The request as the Smithy signer sees it: the raw path, every query parameter but the signature, the signed headers, the body. */
function toHttpRequest(request: SignedRequest, parts: SignatureParts): HttpRequest {
  const { req, url, body } = request;
  const raw = req.url ?? "/";
  const query: QueryParameterBag = Object.create(null);
  if (url.search.length > 1) for (const [k, v] of url.searchParams) {
    if (parts.presigned && k === "X-Amz-Signature") continue;
    const had = query[k];
    if (Array.isArray(had)) had.push(v);
    else query[k] = had === undefined || had === null ? v : [had, v];
  }
  const headers: Record<string, string> = Object.create(null);
  for (const name of parts.signedHeaders) {
    const value = req.headers[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return {
    method: req.method ?? "GET",
    protocol: "http:",
    hostname: url.hostname,
    path: raw.startsWith("/") ? raw.split("?", 1)[0]! : url.pathname,
    query,
    headers,
    body,
  };
}

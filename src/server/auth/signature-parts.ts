import { AuthFailure, type SignedRequest } from "./authenticator.js";

export const ALGORITHM = "AWS4-HMAC-SHA256";

/** The credential a request names: `<access key id>/<yyyymmdd>/<region>/<service>/aws4_request`. */
export interface Credential {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

/** What a SigV4 signature says of itself, from the Authorization header or a presigned query string. */
export interface SignatureParts extends Credential {
  presigned: boolean;
  /** `X-Amz-Date`: yyyymmddThhmmssZ. */
  amzDate: string;
  /** Presigned URLs only: seconds the signature is valid. */
  expiresIn?: number;
  signedHeaders: string[];
  signature: string;
}

const CREDENTIAL = /^([^/\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request$/;
const AMZ_DATE = /^\d{8}T\d{6}Z$/;
const HEX64 = /^[0-9a-f]{64}$/;

function parseCredential(text: string): Credential | undefined {
  const m = CREDENTIAL.exec(text);
  return m ? { accessKeyId: m[1]!, date: m[2]!, region: m[3]!, service: m[4]! } : undefined;
}

const header = (request: SignedRequest, name: string) => {
  const value = request.req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The credential of a request, if it names one well enough to read (auth off reads nothing else). */
export function credentialOf(request: SignedRequest): Credential | undefined {
  const authorization = header(request, "authorization");
  const text = authorization ? /Credential=([^,\s]+)/.exec(authorization)?.[1] : request.url.searchParams.get("X-Amz-Credential");
  return text ? parseCredential(text) : undefined;
}

const incomplete = (message: string) => new AuthFailure("incomplete", message);

/** The Authorization header's fields, `Credential=…, SignedHeaders=…, Signature=…`. */
function headerFields(value: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const field of value.split(",")) {
    const eq = field.indexOf("=");
    if (eq > 0) fields.set(field.slice(0, eq).trim(), field.slice(eq + 1).trim());
  }
  return fields;
}

/**
 * Reads a request's SigV4 signature; undefined when it carries none. A signature that is there
 * but cannot be checked (another algorithm, a missing part, a malformed credential or date) is an
 * `incomplete` failure saying which part is wrong.
 */
export function signatureParts(request: SignedRequest): SignatureParts | undefined {
  const authorization = header(request, "authorization");
  if (authorization !== undefined) return fromHeader(authorization, header(request, "x-amz-date"));
  // Only now: the first read of searchParams parses the query string into a new object.
  const query = request.url.searchParams;
  if (query.has("X-Amz-Signature") || query.has("X-Amz-Credential") || query.has("X-Amz-Algorithm")) return fromQuery(query);
  if (query.has("Signature") || query.has("AWSAccessKeyId")) throw incomplete("Signature Version 2 is not accepted: sign requests with Signature Version 4 (AWS4-HMAC-SHA256).");
  return undefined;
}

function fromHeader(authorization: string, amzDate: string | undefined): SignatureParts {
  const space = authorization.indexOf(" ");
  const algorithm = space < 0 ? authorization : authorization.slice(0, space);
  if (algorithm !== ALGORITHM) throw incomplete(`Unsupported Authorization type '${algorithm.slice(0, 40)}': sign requests with Signature Version 4 (${ALGORITHM}).`);
  const fields = headerFields(authorization.slice(space + 1));
  for (const name of ["Credential", "SignedHeaders", "Signature"]) {
    if (!fields.get(name)) throw incomplete(`Authorization header requires '${name}' parameter.`);
  }
  if (amzDate === undefined) throw incomplete("Authorization header requires existence of an 'X-Amz-Date' header.");
  return complete(fields.get("Credential")!, amzDate, fields.get("SignedHeaders")!, fields.get("Signature")!, false);
}

function fromQuery(query: URLSearchParams): SignatureParts {
  for (const name of ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Expires"]) {
    if (!query.get(name)) throw incomplete(`A presigned request requires the query parameter '${name}'.`);
  }
  if (query.get("X-Amz-Algorithm") !== ALGORITHM) throw incomplete(`X-Amz-Algorithm must be ${ALGORITHM}.`);
  const expires = query.get("X-Amz-Expires")!;
  const expiresIn = Number(expires);
  if (!/^\d{1,6}$/.test(expires) || expiresIn < 1 || expiresIn > 604_800) throw incomplete(`X-Amz-Expires must be a number of seconds from 1 to 604800, not '${expires.slice(0, 20)}'.`);
  const parts = complete(query.get("X-Amz-Credential")!, query.get("X-Amz-Date")!, query.get("X-Amz-SignedHeaders")!, query.get("X-Amz-Signature")!, true);
  parts.expiresIn = expiresIn;
  return parts;
}

function complete(credentialText: string, amzDate: string, signedHeaders: string, signature: string, presigned: boolean): SignatureParts {
  const credential = parseCredential(credentialText);
  if (!credential) throw incomplete(`Credential '${credentialText.slice(0, 120)}' is not <access key id>/<yyyymmdd>/<region>/<service>/aws4_request.`);
  if (!AMZ_DATE.test(amzDate)) throw incomplete(`X-Amz-Date '${amzDate.slice(0, 40)}' is not an ISO-8601 basic date and time such as 20261207T120000Z.`);
  const headers = signedHeaders.split(";");
  if (!headers.includes("host")) throw incomplete("The signed headers must include 'host'.");
  if (!HEX64.test(signature)) throw incomplete("The signature must be 64 lower-case hexadecimal digits.");
  // Written out: spreading the credential costs more than the rest of the parsing (≈3 µs a call).
  const { accessKeyId, date, region, service } = credential;
  return { accessKeyId, date, region, service, amzDate, presigned, signedHeaders: headers, signature };
}

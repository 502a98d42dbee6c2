import { createHash, createHmac, hash, type Hash, type Hmac } from "node:crypto";
import { ALGORITHM_IDENTIFIER, getCanonicalHeaders, getSigningKey, SignatureV4Base } from "@smithy/signature-v4";
import type { Checksum, HttpRequest, SourceData } from "@smithy/types";
import type { SignatureParts } from "./signature-parts.js";

/** SHA-256 (or HMAC-SHA256 with a secret) in the shape the Smithy signer takes (tests sign with it too). */
export class Sha256 implements Checksum {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret === undefined ? createHash("sha256") : createHmac("sha256", toBuffer(this.secret));
  }
  update(data: Uint8Array) {
    this.hash.update(data);
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
  reset() {
    this.hash = this.fresh();
  }
}

const toBuffer = (data: SourceData) =>
  typeof data === "string" ? Buffer.from(data) : ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);

const SIGNING_KEYS_KEPT = 1024;

/** A derived SigV4 signing key. */
export class SigningKey {
  constructor(private readonly key: Uint8Array) {}
  /** The signature of `text` in lower-case hex. */
  sign(text: string): string {
    return createHmac("sha256", this.key).update(text).digest("hex");
  }
}

const signingKeyId = (parts: SignatureParts, secretAccessKey: string) => `${parts.accessKeyId}\n${secretAccessKey}\n${parts.date}\n${parts.region}\n${parts.service}`;

/** Equal strings of hex digits, in time that does not depend on where they differ. */
function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Recomputes a request's SigV4 signature with the Smithy signer's canonicalisation (the one the AWS
 * SDKs sign with: path, query and header rules) and compares it in constant time. The hashes are
 * Node's own, called directly rather than through the signer's asynchronous interface, and derived
 * signing keys are kept per key/date/region/service, so a call costs two SHA-256 hashes and one HMAC.
 */
export class SignatureCalculator extends SignatureV4Base {
  private readonly signingKeys = new Map<string, SigningKey>();

  constructor() {
    super({ service: "", region: "", credentials: { accessKeyId: "", secretAccessKey: "" }, sha256: Sha256, uriEscapePath: true, applyChecksum: false });
  }

  /** Whether the request's signature is the one `signingKey` makes of it. */
  matches(request: HttpRequest, parts: SignatureParts, signingKey: SigningKey): boolean {
    const canonicalHeaders = getCanonicalHeaders(request, undefined, new Set(parts.signedHeaders));
    const payloadHash = hash("sha256", request.body as Buffer);
    const canonicalRequest = this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
    const scope = `${parts.date}/${parts.region}/${parts.service}/aws4_request`;
    const stringToSign = `${ALGORITHM_IDENTIFIER}\n${parts.amzDate}\n${scope}\n${hash("sha256", canonicalRequest)}`;
    return sameHex(signingKey.sign(stringToSign), parts.signature);
  }

  /** The derived key of this key id, secret, date, region and service, kept from an earlier call; else undefined. */
  keptSigningKey(parts: SignatureParts, secretAccessKey: string): SigningKey | undefined {
    return this.signingKeys.get(signingKeyId(parts, secretAccessKey));
  }

  async deriveSigningKey(parts: SignatureParts, secretAccessKey: string): Promise<SigningKey> {
    const key = new SigningKey(await getSigningKey(Sha256, { accessKeyId: parts.accessKeyId, secretAccessKey }, parts.date, parts.region, parts.service));
    if (this.signingKeys.size >= SIGNING_KEYS_KEPT) this.signingKeys.clear();
    this.signingKeys.set(signingKeyId(parts, secretAccessKey), key);
    return key;
  }
}

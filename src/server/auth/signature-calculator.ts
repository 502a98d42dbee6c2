import { createHash, createHmac, hash, timingSafeEqual, type Hash, type Hmac } from "node:crypto";
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

/**
 * A derived SigV4 key that signs with HMAC-SHA256 (RFC 2104) from its two padded keys, computed
 * once: two of Node's one-shot hashes a call instead of a new Hmac object, which in the server
 * cost as much as the rest of the verification. The Smithy signer derives the key itself.
 */
export class SigningKey {
  private readonly inner: Buffer;
  private readonly outer: Buffer;
  constructor(key: Uint8Array) {
    const block = Buffer.alloc(64);
    block.set(key.length > 64 ? createHash("sha256").update(key).digest() : key);
    this.inner = Buffer.from(block.map((b) => b ^ 0x36));
    this.outer = Buffer.from(block.map((b) => b ^ 0x5c));
  }
  sign(text: string): Buffer {
    const innerHash = hash("sha256", Buffer.concat([this.inner, Buffer.from(text)]), "buffer");
    return hash("sha256", Buffer.concat([this.outer, innerHash]), "buffer");
  }
}

const signingKeyId = (parts: SignatureParts, secretAccessKey: string) => `${parts.accessKeyId}\n${secretAccessKey}\n${parts.date}\n${parts.region}\n${parts.service}`;

/**
 * Recomputes a request's SigV4 signature with the Smithy signer's canonicalisation (the one the AWS
 * SDKs sign with: path, query and header rules) and compares it in constant time. The hashes are
 * Node's one-shot ones rather than the signer's streaming interface, and derived signing keys are
 * kept per key/date/region/service, so a call costs two SHA-256 hashes and one HMAC.
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
    return timingSafeEqual(signingKey.sign(stringToSign), Buffer.from(parts.signature, "hex"));
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

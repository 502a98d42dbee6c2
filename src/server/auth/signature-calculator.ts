import { createHash, createHmac, timingSafeEqual, type Hash, type Hmac } from "node:crypto";
import { ALGORITHM_IDENTIFIER, getCanonicalHeaders, getPayloadHash, getSigningKey, SignatureV4Base } from "@smithy/signature-v4";
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
 * Recomputes a request's SigV4 signature with the Smithy signer's canonicalisation (the one the AWS
 * SDKs sign with) and compares it in constant time. Derived signing keys are kept per
 * key/date/region/service, so a call costs two hashes and an HMAC.
 */
export class SignatureCalculator extends SignatureV4Base {
  private readonly signingKeys = new Map<string, Uint8Array>();

  constructor() {
    super({ service: "", region: "", credentials: { accessKeyId: "", secretAccessKey: "" }, sha256: Sha256, uriEscapePath: true, applyChecksum: false });
  }

  async matches(request: HttpRequest, parts: SignatureParts, secretAccessKey: string): Promise<boolean> {
    const canonicalHeaders = getCanonicalHeaders(request, undefined, new Set(parts.signedHeaders));
    const payloadHash = await getPayloadHash({ ...request, headers: {} }, Sha256);
    const scope = `${parts.date}/${parts.region}/${parts.service}/aws4_request`;
    const stringToSign = await this.createStringToSign(parts.amzDate, scope, this.createCanonicalRequest(request, canonicalHeaders, payloadHash), ALGORITHM_IDENTIFIER);
    const key = await this.signingKey(parts, secretAccessKey);
    const expected = createHmac("sha256", key).update(stringToSign).digest();
    return timingSafeEqual(expected, Buffer.from(parts.signature, "hex"));
  }

  private async signingKey(parts: SignatureParts, secretAccessKey: string): Promise<Uint8Array> {
    const id = `${parts.accessKeyId}\n${secretAccessKey}\n${parts.date}\n${parts.region}\n${parts.service}`;
    let key = this.signingKeys.get(id);
    if (!key) {
      key = await getSigningKey(Sha256, { accessKeyId: parts.accessKeyId, secretAccessKey }, parts.date, parts.region, parts.service);
      if (this.signingKeys.size >= SIGNING_KEYS_KEPT) this.signingKeys.clear();
      this.signingKeys.set(id, key);
    }
    return key;
  }
}

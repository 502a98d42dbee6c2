import { createHash, createPublicKey, generateKeyPair, generateKeyPairSync, type KeyObject } from "node:crypto";
import { promisify } from "node:util";
import { sshpk } from "./sshpk.js";

export interface GeneratedKey {
  /** OpenSSH public key line, `ssh-rsa AAAA… name`. */
  publicKey: string;
  /** PEM, `-----BEGIN RSA PRIVATE KEY-----`. */
  privateKey: string;
  /** SHA-1 of the private key (DER, PKCS#8), colon-separated hex: how AWS fingerprints keys it creates. */
  fingerprint: string;
}

const colonHex = (buf: Buffer) => buf.toString("hex").match(/../g)!.join(":");

/** An RFC 4253 `string`: a 32-bit big-endian length, then the bytes. */
function sshString(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** An RFC 4251 `mpint` of an unsigned big-endian number: no leading zero bytes, one added if the top bit is set. */
function sshMpint(unsigned: Buffer): Buffer {
  let start = 0;
  while (start < unsigned.length - 1 && unsigned[start] === 0) start++;
  const digits = unsigned.subarray(start);
  return sshString(digits[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), digits]) : digits);
}

/** The OpenSSH line of an RSA public key, `ssh-rsa <base64 of e and n> <comment>` (RFC 4253 §6.6). */
function opensshRsaLine(key: KeyObject, comment: string): string {
  const { e, n } = createPublicKey(key).export({ format: "jwk" });
  const blob = Buffer.concat([sshString(Buffer.from("ssh-rsa")), sshMpint(Buffer.from(e!, "base64url")), sshMpint(Buffer.from(n!, "base64url"))]);
  return `ssh-rsa ${blob.toString("base64")} ${comment}`;
}

function describeKey(privateKey: KeyObject, comment: string): GeneratedKey {
  const pem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const der = privateKey.export({ type: "pkcs8", format: "der" });
  return { publicKey: opensshRsaLine(privateKey, comment), privateKey: pem, fingerprint: colonHex(createHash("sha1").update(der).digest()) };
}

const RSA = { modulusLength: 2048 } as const;

/** A new RSA 2048 key. Blocks the event loop for the generation (100 ms or more): prefer `generateSshKeyAsync`. */
export function generateSshKey(comment: string): GeneratedKey {
  return describeKey(generateKeyPairSync("rsa", RSA).privateKey, comment);
}

/** A new RSA 2048 key, generated on libuv's thread pool while the server goes on answering. */
export async function generateSshKeyAsync(comment: string): Promise<GeneratedKey> {
  const { privateKey } = await promisify(generateKeyPair)("rsa", RSA);
  return describeKey(privateKey, comment);
}

/**
 * Parses an OpenSSH public key line (or PEM/PKCS#8 public key). Returns undefined when it is not
 * one. The fingerprint is the MD5 of the key, as AWS shows for imported keys.
 */
export function parsePublicKey(text: string): { publicKey: string; fingerprint: string; type: string } | undefined {
  try {
    // sshpk would happily derive a public key from a private one; a private key is not a public key.
    if (text.includes("PRIVATE KEY")) return undefined;
    const key = sshpk().parseKey(text.trim(), "auto");
    if (!["rsa", "ed25519", "ecdsa"].includes(key.type)) return undefined;
    // sshpk names a key without a comment "(unnamed)"; keep the line as the user gave it.
    if (key.comment === "(unnamed)") key.comment = undefined;
    return { publicKey: key.toString("ssh"), fingerprint: key.fingerprint("md5").toString("hex"), type: key.type };
  } catch {
    return undefined;
  }
}

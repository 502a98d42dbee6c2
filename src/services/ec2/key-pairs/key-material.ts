import { createHash, generateKeyPairSync } from "node:crypto";
import type Sshpk from "sshpk";
import { sshpk } from "../../../core/sshpk.js";
import { parsePublicKey } from "../../../core/ssh-keys.js";
import { makeSshKey } from "../../ssh-key-slots.js";
import { invalidKeyFormat } from "../errors.js";

export interface NewKey {
  publicKey: string;
  keyMaterial: string;
  fingerprint: string;
}

/** sshpk writes PuTTY's format, though its type declarations do not list it. */
const privateKeyText = (key: Sshpk.PrivateKey, format: "pem" | "openssh" | "ppk") =>
  key.toString((format === "ppk" ? "putty" : format) as Sshpk.PrivateKeyFormatType);

/** ED25519 fingerprints are the base64 SHA-256 of the public key, as EC2 shows them (padding kept). */
const sha256Fingerprint = (key: Sshpk.Key) => createHash("sha256").update(key.toBuffer("rfc4253")).digest("base64");

/**
 * A key pair EC2 would create: RSA 2048 in PEM (fingerprint: SHA-1 of the PKCS#8 private key) or
 * ED25519 in OpenSSH format (fingerprint: SHA-256); `ppk` gives the private key in PuTTY's format.
 * The RSA key is made on libuv's thread pool: made here, it held the event loop 60–600 ms.
 */
export async function createKeyMaterial(name: string, type: "rsa" | "ed25519", format: "pem" | "ppk"): Promise<NewKey> {
  if (type === "rsa") {
    const key = await makeSshKey(name);
    const keyMaterial = format === "ppk" ? privateKeyText(sshpk().parsePrivateKey(key.privateKey, "pem"), "ppk") : key.privateKey;
    return { publicKey: key.publicKey, keyMaterial, fingerprint: key.fingerprint };
  }
  const { privateKey } = generateKeyPairSync("ed25519");
  const parsed = sshpk().parsePrivateKey(privateKey.export({ type: "pkcs8", format: "pem" }).toString(), "pem");
  parsed.comment = name;
  const pub = parsed.toPublic();
  return {
    publicKey: pub.toString("ssh"),
    keyMaterial: privateKeyText(parsed, format === "ppk" ? "ppk" : "openssh"),
    fingerprint: sha256Fingerprint(pub),
  };
}

/**
 * An imported public key: RSA (fingerprint: MD5, colon-separated) or ED25519 (SHA-256), in
 * OpenSSH, RFC 4716 or PEM form. Other key types are not accepted by EC2.
 */
export function importKeyMaterial(bytes: Uint8Array): { publicKey: string; fingerprint: string; type: "rsa" | "ed25519" } {
  const text = Buffer.from(bytes).toString("utf8");
  const parsed = parsePublicKey(text);
  if (!parsed) throw invalidKeyFormat("the material is not an SSH public key.");
  if (parsed.type !== "rsa" && parsed.type !== "ed25519") throw invalidKeyFormat(`${parsed.type} keys are not supported; use RSA or ED25519.`);
  if (parsed.type === "rsa") return { publicKey: parsed.publicKey, fingerprint: parsed.fingerprint, type: "rsa" };
  return { publicKey: parsed.publicKey, fingerprint: sha256Fingerprint(sshpk().parseKey(parsed.publicKey, "ssh")), type: "ed25519" };
}

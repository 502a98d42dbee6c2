import { createHash, generateKeyPairSync } from "node:crypto";
import sshpk from "sshpk";

export interface GeneratedKey {
  /** OpenSSH public key line, `ssh-rsa AAAA… name`. */
  publicKey: string;
  /** PEM, `-----BEGIN RSA PRIVATE KEY-----`. */
  privateKey: string;
  /** SHA-1 of the private key (DER, PKCS#8), colon-separated hex: how AWS fingerprints keys it creates. */
  fingerprint: string;
}

const colonHex = (buf: Buffer) => buf.toString("hex").match(/../g)!.join(":");

export function generateSshKey(comment: string): GeneratedKey {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const der = privateKey.export({ type: "pkcs8", format: "der" });
  const pub = sshpk.parsePrivateKey(pem, "pem").toPublic();
  pub.comment = comment;
  return { publicKey: pub.toString("ssh"), privateKey: pem, fingerprint: colonHex(createHash("sha1").update(der).digest()) };
}

/**
 * Parses an OpenSSH public key line (or PEM/PKCS#8 public key). Returns undefined when it is not
 * one. The fingerprint is the MD5 of the key, as AWS shows for imported keys.
 */
export function parsePublicKey(text: string): { publicKey: string; fingerprint: string; type: string } | undefined {
  try {
    // sshpk would happily derive a public key from a private one; a private key is not a public key.
    if (text.includes("PRIVATE KEY")) return undefined;
    const key = sshpk.parseKey(text.trim(), "auto");
    if (!["rsa", "ed25519", "ecdsa"].includes(key.type)) return undefined;
    // sshpk names a key without a comment "(unnamed)"; keep the line as the user gave it.
    if (key.comment === "(unnamed)") key.comment = undefined;
    return { publicKey: key.toString("ssh"), fingerprint: key.fingerprint("md5").toString("hex"), type: key.type };
  } catch {
    return undefined;
  }
}

import assert from "node:assert/strict";
import { createHash, createPrivateKey } from "node:crypto";
import { describe, it } from "node:test";
import { generateSshKey, generateSshKeyAsync, parsePublicKey } from "./ssh-keys.js";
import { sshpk } from "./sshpk.js";

describe("generated SSH keys", () => {
  it("write the OpenSSH public key line sshpk derives from the private key, with the comment", async () => {
    for (const key of [generateSshKey("LightsailDefaultKeyPair"), await generateSshKeyAsync("LightsailDefaultKeyPair"), await generateSshKeyAsync("other")]) {
      const comment = key.publicKey.split(" ")[2]!;
      const expected = sshpk().parsePrivateKey(key.privateKey, "pem").toPublic();
      expected.comment = comment;
      assert.equal(key.publicKey, expected.toString("ssh"));
      assert.match(key.publicKey, /^ssh-rsa AAAAB3NzaC1yc2E[A-Za-z0-9+/=]+ (LightsailDefaultKeyPair|other)$/);
      assert.equal(parsePublicKey(key.publicKey)?.type, "rsa");
    }
  });

  it("are RSA 2048 in PKCS#1 PEM, fingerprinted by the SHA-1 of their PKCS#8 form", async () => {
    const key = await generateSshKeyAsync("k");
    assert.match(key.privateKey, /^-----BEGIN RSA PRIVATE KEY-----\n/);
    const parsed = createPrivateKey(key.privateKey);
    assert.equal(parsed.asymmetricKeyDetails?.modulusLength, 2048);
    const sha1 = createHash("sha1").update(parsed.export({ type: "pkcs8", format: "der" })).digest("hex");
    assert.equal(key.fingerprint, sha1.match(/../g)!.join(":"));
  });
});

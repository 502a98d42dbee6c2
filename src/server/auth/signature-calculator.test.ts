import assert from "node:assert/strict";
import { createHmac, randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import { SigningKey } from "./signature-calculator.js";

describe("SigningKey", () => {
  it("signs as HMAC-SHA256 in lower-case hex, for keys and texts of every size", () => {
    for (const keyLength of [0, 1, 32, 63, 64, 65, 200]) {
      for (const textLength of [0, 1, 55, 56, 64, 191, 192, 1000]) {
        const key = randomBytes(keyLength);
        const text = randomBytes(textLength * 2).toString("base64").slice(0, textLength);
        const signer = new SigningKey(key);
        assert.equal(signer.sign(text), createHmac("sha256", key).update(text).digest("hex"), `key ${keyLength}, text ${textLength}`);
      }
    }
  });
});

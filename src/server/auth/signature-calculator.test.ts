import assert from "node:assert/strict";
import { createHmac, randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import { SigningKey } from "./signature-calculator.js";

describe("SigningKey", () => {
  it("signs exactly as Node's HMAC-SHA256 does, for keys and texts of every size", () => {
    for (const keyLength of [0, 1, 32, 63, 64, 65, 200]) {
      for (const textLength of [0, 1, 55, 56, 64, 1000]) {
        const key = randomBytes(keyLength);
        const text = randomBytes(textLength).toString("base64").slice(0, textLength);
        assert.deepEqual(new SigningKey(key).sign(text), createHmac("sha256", key).update(text).digest(), `key ${keyLength}, text ${textLength}`);
      }
    }
  });
});

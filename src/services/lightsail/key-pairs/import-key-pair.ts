import type { ImportKeyPairRequest, ImportKeyPairResult } from "@aws-sdk/client-lightsail";
import { parsePublicKey } from "../../../core/ssh-keys.js";
import type { Handler } from "../../context.js";
import { invalidPublicKey } from "../errors.js";
import { recordOperation } from "../../../state/operations.js";
import { toOperation } from "../operations/operation.js";
import { checkKeyPairName, insertKeyPair } from "./new-key-pair.js";

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Lightsail takes the OpenSSH public key text itself (ssh-rsa, ssh-ed25519 …). The API reference
 * calls it base64-encoded, so a base64 encoding of that text is accepted too.
 */
function readPublicKey(text: string) {
  const direct = parsePublicKey(text);
  if (direct || !BASE64.test(text.trim())) return direct;
  return parsePublicKey(Buffer.from(text.trim(), "base64").toString("utf8"));
}

export const importKeyPair: Handler<ImportKeyPairRequest, ImportKeyPairResult> = async (ctx, input) => {
  const name = input.keyPairName!;
  checkKeyPairName(name);
  const key = readPublicKey(input.publicKeyBase64!);
  if (!key) throw invalidPublicKey();
  return ctx.transaction(async (tx) => {
    const now = ctx.clock.now();
    await insertKeyPair(tx, ctx, now, name, { publicKey: key.publicKey, fingerprint: key.fingerprint });
    const op = await recordOperation(tx, ctx, now, {
      resourceName: name, resourceType: "KeyPair", availabilityZone: "all", operationType: "ImportKeyPair", done: true,
    });
    return { operation: toOperation(op, ctx.region) };
  });
};

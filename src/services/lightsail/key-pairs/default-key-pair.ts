import type { Scope } from "../../../core/scope.js";
import { generateSshKey } from "../../../core/ssh-keys.js";
import type { KeyPairRecord } from "../../../state/records.js";
import type { Tx } from "../../../state/store.js";
import { DEFAULT_KEY_PAIR, insertKeyPair } from "./new-key-pair.js";

export { DEFAULT_KEY_PAIR };

/** The region's default key pair, made on first use (by an instance without a key pair, or a download). */
export async function ensureDefaultKeyPair(tx: Tx, scope: Scope, now: number): Promise<KeyPairRecord> {
  const existing = await tx.keyPairs.get(scope, DEFAULT_KEY_PAIR);
  if (existing) return existing;
  const { publicKey, privateKey, fingerprint } = generateSshKey(DEFAULT_KEY_PAIR);
  return insertKeyPair(tx, scope, now, DEFAULT_KEY_PAIR, { publicKey, privateKey, fingerprint });
}

import type { Scope } from "../../../core/scope.js";
import { generateSshKey } from "../../../core/ssh-keys.js";
import type { KeyPairRecord } from "../../../state/records.js";
import type { Tx } from "../../../state/store.js";
import { lightsailArn, supportCode } from "../resources.js";

export const DEFAULT_KEY_PAIR = "LightsailDefaultKeyPair";

/** The region's default key pair, made on first use (by an instance without a key pair, or a download). */
export async function ensureDefaultKeyPair(tx: Tx, scope: Scope, now: number): Promise<KeyPairRecord> {
  const existing = await tx.keyPairs.get(scope, DEFAULT_KEY_PAIR);
  if (existing) return existing;
  const key = generateSshKey(DEFAULT_KEY_PAIR);
  const record: KeyPairRecord = {
    name: DEFAULT_KEY_PAIR,
    arn: lightsailArn(scope, "KeyPair"),
    supportCode: supportCode(DEFAULT_KEY_PAIR),
    createdAt: now,
    fingerprint: key.fingerprint,
    publicKey: key.publicKey,
    privateKey: key.privateKey,
    tags: [],
    isDefault: true,
  };
  await tx.keyPairs.insert(scope, record);
  return record;
}

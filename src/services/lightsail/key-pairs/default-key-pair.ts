import type { Scope } from "../../../core/scope.js";
import { generateSshKey } from "../../../core/ssh-keys.js";
import { makeSshKey } from "../../ssh-key-slots.js";
import type { KeyPairRecord } from "../../../state/records.js";
import type { Tx } from "../../../state/store.js";
import type { RequestContext } from "../../context.js";
import { DEFAULT_KEY_PAIR, insertKeyPair, type KeyMaterial } from "./new-key-pair.js";

export { DEFAULT_KEY_PAIR };

/**
 * The key for the region's default key pair, made before the transaction that creates the pair
 * when a request will need it and the region has none yet: an RSA key takes 100 ms or more to
 * make, which would hold every other request if it were made inside the transaction.
 */
export async function defaultKeyIfMissing(ctx: RequestContext, keyPairName?: string): Promise<KeyMaterial | undefined> {
  if (keyPairName !== undefined && keyPairName !== DEFAULT_KEY_PAIR) return undefined;
  if (await ctx.read((tx) => tx.keyPairs.get(ctx, DEFAULT_KEY_PAIR))) return undefined;
  return makeSshKey(DEFAULT_KEY_PAIR);
}

/**
 * The region's default key pair, made on first use (by an instance without a key pair, or a
 * download) from `key` (see `defaultKeyIfMissing`), or from a key made here if none was prepared.
 */
export async function ensureDefaultKeyPair(tx: Tx, scope: Scope, now: number, key?: KeyMaterial): Promise<KeyPairRecord> {
  const existing = await tx.keyPairs.get(scope, DEFAULT_KEY_PAIR);
  if (existing) return existing;
  const { publicKey, privateKey, fingerprint } = key ?? generateSshKey(DEFAULT_KEY_PAIR);
  return insertKeyPair(tx, scope, now, DEFAULT_KEY_PAIR, { publicKey, privateKey, fingerprint });
}

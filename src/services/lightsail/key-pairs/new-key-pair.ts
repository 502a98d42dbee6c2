import type { Scope } from "../../../core/scope.js";
import type { KeyPairRecord, Tag } from "../../../state/records.js";
import type { Tx } from "../../../state/store.js";
import { invalidInput, nameInUse } from "../errors.js";
import { lightsailArn, supportCode } from "../resources.js";
import { checkResourceName } from "../validation.js";

export const DEFAULT_KEY_PAIR = "LightsailDefaultKeyPair";

/** Names a client may give a key pair: a resource name, and not the default key pair's. */
export function checkKeyPairName(name: string) {
  checkResourceName(name, "key pair");
  if (name === DEFAULT_KEY_PAIR) {
    throw invalidInput(`The key pair name '${name}' is reserved for the region's default key pair; DownloadDefaultKeyPair creates it.`);
  }
}

export interface KeyMaterial {
  publicKey: string;
  fingerprint: string;
  /** Kept only for the default key pair. */
  privateKey?: string;
}

/**
 * Claims the name (unique across the region's resources) and stores a new key pair, in the
 * caller's transaction. Shared by CreateKeyPair, ImportKeyPair and the default key pair.
 */
export async function insertKeyPair(tx: Tx, scope: Scope, now: number, name: string, key: KeyMaterial, tags: Tag[] = []): Promise<KeyPairRecord> {
  const taken = await tx.names.claim(scope, [name], "KeyPair");
  if (taken.length > 0) throw nameInUse(taken);
  const record: KeyPairRecord = {
    name,
    arn: lightsailArn(scope, "KeyPair"),
    supportCode: supportCode(name),
    createdAt: now,
    fingerprint: key.fingerprint,
    publicKey: key.publicKey,
    privateKey: key.privateKey,
    tags,
    isDefault: name === DEFAULT_KEY_PAIR,
  };
  await tx.keyPairs.insert(scope, record);
  return record;
}

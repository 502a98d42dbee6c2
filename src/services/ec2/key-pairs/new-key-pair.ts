import { ec2Id } from "../../../core/ids.js";
import type { Scope } from "../../../core/scope.js";
import type { Ec2KeyPairRecord, Ec2Tag } from "../../../state/ec2-records.js";
import type { Tx } from "../../../state/store.js";
import { invalidParameterValue, keyPairDuplicate } from "../errors.js";
import { ID_PREFIX } from "../ids.js";
import { dryRun } from "../request.js";

/** EC2 key names: up to 255 ASCII characters. */
export function checkKeyName(name: string): string {
  if (name === "" || name.length > 255 || !/^[\x20-\x7e]+$/.test(name)) {
    throw invalidParameterValue(`Value (${name}) for parameter KeyName is invalid. Use 1 to 255 printable ASCII characters.`);
  }
  return name;
}

/** Stores a new key pair under a name not yet taken in the account's region (EC2's own namespace, apart from Lightsail's). */
export async function insertKeyPair(
  tx: Tx, scope: Scope, now: number, input: { DryRun?: boolean },
  key: { keyName: string; keyType: "rsa" | "ed25519"; fingerprint: string; publicKey: string; tags: Ec2Tag[] },
): Promise<Ec2KeyPairRecord> {
  if (await tx.ec2KeyPairs.get(scope, key.keyName)) throw keyPairDuplicate(key.keyName);
  dryRun(input);
  const record: Ec2KeyPairRecord = { ...key, keyPairId: ec2Id(ID_PREFIX.keyPair), createTime: now };
  await tx.ec2KeyPairs.insert(scope, record);
  return record;
}

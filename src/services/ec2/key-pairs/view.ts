import type { KeyPairInfo } from "@aws-sdk/client-ec2";
import type { Ec2KeyPairRecord } from "../../../state/ec2-records.js";
import { toSdkTags } from "../tags/tag-rules.js";

export function toKeyPairInfo(r: Ec2KeyPairRecord, includePublicKey = false): KeyPairInfo {
  return {
    KeyPairId: r.keyPairId,
    KeyName: r.keyName,
    KeyFingerprint: r.fingerprint,
    KeyType: r.keyType,
    CreateTime: new Date(r.createTime),
    Tags: toSdkTags(r.tags),
    PublicKey: includePublicKey ? r.publicKey : undefined,
  };
}

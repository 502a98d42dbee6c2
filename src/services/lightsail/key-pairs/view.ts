import type { KeyPair } from "@aws-sdk/client-lightsail";
import type { KeyPairRecord } from "../../../state/records.js";
import { regionalLocation } from "../resources.js";

export const toKeyPair = (r: KeyPairRecord, region: string): KeyPair => ({
  name: r.name,
  arn: r.arn,
  supportCode: r.supportCode,
  createdAt: new Date(r.createdAt),
  location: regionalLocation(region),
  resourceType: "KeyPair",
  tags: r.tags,
  fingerprint: r.fingerprint,
});

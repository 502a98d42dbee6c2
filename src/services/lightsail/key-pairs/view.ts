import type { KeyPair } from "@aws-sdk/client-lightsail";
import type { KeyPairRecord } from "../../../state/records.js";
import { regionalLocation, resourceHeader } from "../resources.js";

export const toKeyPair = (r: KeyPairRecord, region: string): KeyPair => ({
  ...resourceHeader(r, regionalLocation(region), "KeyPair"),
  fingerprint: r.fingerprint,
});

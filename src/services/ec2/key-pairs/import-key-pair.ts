import type { ImportKeyPairRequest, ImportKeyPairResult } from "@aws-sdk/client-ec2";
import type { Handler } from "../../context.js";
import { tagsFromSpecifications, toSdkTags } from "../tags/tag-rules.js";
import { importKeyMaterial } from "./key-material.js";
import { checkKeyName, insertKeyPair } from "./new-key-pair.js";

export const importKeyPair: Handler<ImportKeyPairRequest, ImportKeyPairResult> = async (ctx, input) => {
  const keyName = checkKeyName(input.KeyName!);
  const tags = tagsFromSpecifications(input.TagSpecifications, ["key-pair"]).get("key-pair") ?? [];
  const key = importKeyMaterial(input.PublicKeyMaterial!);
  const record = await ctx.transaction((tx) =>
    insertKeyPair(tx, ctx, ctx.clock.now(), input, { keyName, keyType: key.type, fingerprint: key.fingerprint, publicKey: key.publicKey, tags }),
  );
  return { KeyName: record.keyName, KeyPairId: record.keyPairId, KeyFingerprint: record.fingerprint, Tags: toSdkTags(tags) };
};

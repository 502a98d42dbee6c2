import type { CreateKeyPairRequest, KeyPair } from "@aws-sdk/client-ec2";
import type { Handler } from "../../context.js";
import { tagsFromSpecifications, toSdkTags } from "../tags/tag-rules.js";
import { createKeyMaterial } from "./key-material.js";
import { checkKeyName, insertKeyPair } from "./new-key-pair.js";

/** Creates a key pair and hands out its private key once; only the public half is kept. */
export const createKeyPair: Handler<CreateKeyPairRequest, KeyPair> = async (ctx, input) => {
  const keyName = checkKeyName(input.KeyName!);
  const keyType = input.KeyType ?? "rsa";
  const tags = tagsFromSpecifications(input.TagSpecifications, ["key-pair"]).get("key-pair") ?? [];
  const material = await createKeyMaterial(keyName, keyType, input.KeyFormat ?? "pem");
  const record = await ctx.transaction((tx) =>
    insertKeyPair(tx, ctx, ctx.clock.now(), input, { keyName, keyType, fingerprint: material.fingerprint, publicKey: material.publicKey, tags }),
  );
  return { KeyName: record.keyName, KeyPairId: record.keyPairId, KeyFingerprint: record.fingerprint, KeyMaterial: material.keyMaterial, Tags: toSdkTags(tags) };
};

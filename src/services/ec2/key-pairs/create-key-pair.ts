import type { CreateKeyPairRequest, KeyPair } from "@aws-sdk/client-ec2";
import type { Handler } from "../../context.js";
import { keyPairDuplicate } from "../errors.js";
import { dryRun } from "../request.js";
import { tagsFromSpecifications, toSdkTags } from "../tags/tag-rules.js";
import { createKeyMaterial } from "./key-material.js";
import { checkKeyName, insertKeyPair } from "./new-key-pair.js";

/** Creates a key pair and hands out its private key once; only the public half is kept. */
export const createKeyPair: Handler<CreateKeyPairRequest, KeyPair> = async (ctx, input) => {
  const keyName = checkKeyName(input.KeyName!);
  const keyType = input.KeyType ?? "rsa";
  const tags = tagsFromSpecifications(input.TagSpecifications, ["key-pair"]).get("key-pair") ?? [];
  // A key costs 60–600 ms of CPU to make: not for a name that is taken, nor for a DryRun.
  await ctx.read(async (tx) => {
    if (await tx.ec2KeyPairs.get(ctx, keyName)) throw keyPairDuplicate(keyName);
  });
  dryRun(input);
  const material = await createKeyMaterial(keyName, keyType, input.KeyFormat ?? "pem");
  const record = await ctx.transaction((tx) =>
    insertKeyPair(tx, ctx, ctx.clock.now(), input, { keyName, keyType, fingerprint: material.fingerprint, publicKey: material.publicKey, tags }),
  );
  return { KeyName: record.keyName, KeyPairId: record.keyPairId, KeyFingerprint: record.fingerprint, KeyMaterial: material.keyMaterial, Tags: toSdkTags(tags) };
};

import type { CreateKeyPairRequest, CreateKeyPairResult } from "@aws-sdk/client-lightsail";
import { makeSshKey } from "../../ssh-key-slots.js";
import type { Handler } from "../../context.js";
import { recordOperation } from "../../../state/operations.js";
import { toOperation } from "../operations/operation.js";
import { nameInUse } from "../errors.js";
import { checkTags } from "../validation.js";
import { checkKeyPairName, insertKeyPair } from "./new-key-pair.js";
import { toKeyPair } from "./view.js";

/** Makes an RSA key pair; the private key is in this answer only and is not kept. */
export const createKeyPair: Handler<CreateKeyPairRequest, CreateKeyPairResult> = async (ctx, input) => {
  const name = input.keyPairName!;
  checkKeyPairName(name);
  const tags = checkTags(input.tags);
  // A key costs 60–600 ms of CPU to make: not for a name that is taken (the transaction checks again).
  if (await ctx.read((tx) => tx.keyPairs.get(ctx, name))) throw nameInUse([name]);
  const key = await makeSshKey(name);
  return ctx.transaction(async (tx) => {
    const now = ctx.clock.now();
    const record = await insertKeyPair(tx, ctx, now, name, { publicKey: key.publicKey, fingerprint: key.fingerprint }, tags);
    const op = await recordOperation(tx, ctx, now, {
      resourceName: name, resourceType: "KeyPair", availabilityZone: "all", operationType: "CreateKeyPair", done: true,
    });
    return {
      keyPair: toKeyPair(record, ctx.region),
      publicKeyBase64: key.publicKey,
      privateKeyBase64: key.privateKey,
      operation: toOperation(op, ctx.region),
    };
  });
};

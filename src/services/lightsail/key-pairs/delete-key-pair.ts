import type { DeleteKeyPairRequest, DeleteKeyPairResult } from "@aws-sdk/client-lightsail";
import type { KeyPairRecord } from "../../../state/records.js";
import type { Handler } from "../../context.js";
import { invalidInput, notFound } from "../errors.js";
import { recordOperation } from "../../../state/operations.js";
import { toOperation } from "../operations/operation.js";

/** The default key pair goes only with its fingerprint; any other key pair's is checked when given. */
function checkExpectedFingerprint(record: KeyPairRecord, expected: string | undefined) {
  if (expected === undefined) {
    if (record.isDefault) throw invalidInput(`Deleting the default key pair ${record.name} requires its fingerprint as expectedFingerprint.`);
    return;
  }
  if (expected !== record.fingerprint) {
    throw invalidInput(`The expected fingerprint '${expected}' does not match the fingerprint of key pair ${record.name}.`);
  }
}

/** Instances keep working with the key already on them; only the key pair resource goes. */
export const deleteKeyPair: Handler<DeleteKeyPairRequest, DeleteKeyPairResult> = async (ctx, input) => {
  const name = input.keyPairName!;
  return ctx.transaction(async (tx) => {
    const record = await tx.keyPairs.get(ctx, name);
    if (!record) throw notFound("KeyPair", name);
    checkExpectedFingerprint(record, input.expectedFingerprint);
    await tx.keyPairs.delete(ctx, name);
    await tx.names.release(ctx, name);
    const op = await recordOperation(tx, ctx, ctx.clock.now(), {
      resourceName: name, resourceType: "KeyPair", availabilityZone: "all", operationType: "DeleteKeyPair", done: true,
    });
    return { operation: toOperation(op, ctx.region) };
  });
};

import type { DeleteKeyPairRequest, DeleteKeyPairResult } from "@aws-sdk/client-ec2";
import type { Ec2KeyPairRecord } from "../../../state/ec2-records.js";
import type { Handler } from "../../context.js";
import { keyPairNotFound, missingParameter } from "../errors.js";
import { checkId } from "../ids.js";
import { dryRun } from "../request.js";

/**
 * Deletes a key pair by name or id. As in EC2, deleting a name that does not exist succeeds; an
 * unknown id does not. Instances launched with the key keep their KeyName.
 */
export const deleteKeyPair: Handler<DeleteKeyPairRequest, DeleteKeyPairResult> = async (ctx, input) => {
  if (input.KeyName === undefined && input.KeyPairId === undefined) throw missingParameter("KeyName or KeyPairId");
  if (input.KeyPairId !== undefined) checkId("keyPair", input.KeyPairId);
  return ctx.transaction(async (tx) => {
    let record: Ec2KeyPairRecord | undefined;
    if (input.KeyPairId !== undefined) {
      for await (const { record: r } of tx.ec2KeyPairs.scan(ctx, { where: { key_pair_id: input.KeyPairId } })) record = r;
      if (!record || (input.KeyName !== undefined && record.keyName !== input.KeyName)) throw keyPairNotFound(input.KeyPairId);
    } else {
      record = await tx.ec2KeyPairs.get(ctx, input.KeyName!);
    }
    dryRun(input);
    if (record) await tx.ec2KeyPairs.delete(ctx, record.keyName);
    return { Return: true, KeyPairId: record?.keyPairId };
  });
};

import type { DeleteVolumeRequest } from "@aws-sdk/client-ec2";
import type { Handler } from "../../context.js";
import { incorrectState, volumeInUse } from "../errors.js";
import { dryRun } from "../request.js";
import { volumeById } from "./lookup.js";

/** Deletes an available volume at once (DescribeVolumes then answers InvalidVolume.NotFound, which the VolumeDeleted waiter accepts). */
export const deleteVolume: Handler<DeleteVolumeRequest, void> = async (ctx, input) => {
  await ctx.transaction(async (tx) => {
    const volume = await volumeById(tx, ctx, input.VolumeId!);
    if (volume.attachment) throw volumeInUse(volume.volumeId, volume.attachment.instanceId);
    if (volume.state !== "available" && volume.state !== "error") throw incorrectState(`The volume '${volume.volumeId}' is '${volume.state}' and cannot be deleted yet.`);
    dryRun(input);
    await tx.ec2Volumes.delete(ctx, volume.volumeId);
  });
};

import type { DeleteVolumeRequest } from "@aws-sdk/client-ec2";
import type { Ec2VolumeJob } from "../../../worker/jobs/ec2-payloads.js";
import type { Handler } from "../../context.js";
import { incorrectState, volumeInUse } from "../errors.js";
import { dryRun } from "../request.js";
import { volumeById } from "./lookup.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

/**
 * Deletes an available volume at once (DescribeVolumes then answers InvalidVolume.NotFound, which the
 * VolumeDeleted waiter accepts); its bytes are removed in the background.
 */
export const deleteVolume: Handler<DeleteVolumeRequest, void> = async (ctx, input) => {
  await ctx.transaction(async (tx) => {
    const volume = await volumeById(tx, ctx, input.VolumeId!);
    if (volume.attachment) throw volumeInUse(volume.volumeId, volume.attachment.instanceId);
    if (volume.state !== "available" && volume.state !== "error") throw incorrectState(`The volume '${volume.volumeId}' is '${volume.state}' and cannot be deleted yet.`);
    dryRun(input);
    await tx.ec2Volumes.delete(ctx, volume.volumeId);
    await enqueue(tx, ctx, "ec2.volume.delete", { volumeId: volume.volumeId }, ctx.clock.now());
  });
};

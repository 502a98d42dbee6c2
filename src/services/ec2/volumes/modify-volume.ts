import type { ModifyVolumeRequest, ModifyVolumeResult } from "@aws-sdk/client-ec2";
import type { VolumeRecord } from "../../../state/ec2-records.js";
import type { Ec2VolumeJob } from "../../../worker/jobs/ec2-payloads.js";
import type { Handler } from "../../context.js";
import { incorrectModificationState, incorrectState, invalidParameterValue } from "../errors.js";
import { dryRun } from "../request.js";
import { volumeById } from "./lookup.js";
import { toVolumeModification } from "./view.js";
import { volumeSpec } from "./volume-rules.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

const PROVISIONED = ["gp3", "io1", "io2"];

/**
 * Starts a change of size, type, IOPS or throughput: the modification is `modifying` at once and
 * the worker applies it (then `completed`). Sizes only grow. IOPS and throughput carry over when
 * the target type provisions them too.
 */
export const modifyVolume: Handler<ModifyVolumeRequest, ModifyVolumeResult> = async (ctx, input) => {
  if (input.MultiAttachEnabled !== undefined) throw invalidParameterValue("Skiff does not change Multi-Attach on existing volumes: leave out MultiAttachEnabled.");
  const now = ctx.clock.now();
  return ctx.transaction(async (tx) => {
    const volume = await volumeById(tx, ctx, input.VolumeId!);
    if (volume.state !== "available" && volume.state !== "in-use") throw incorrectState(`Volume '${volume.volumeId}' is in the '${volume.state}' state.`);
    if (volume.modification?.state === "modifying") throw incorrectModificationState(volume.volumeId);
    const target = targetOf(volume, input);
    dryRun(input);
    const modified: VolumeRecord = {
      ...volume,
      modification: {
        state: "modifying", startTime: now, progress: 0,
        originalSize: volume.size, originalIops: volume.iops, originalThroughput: volume.throughput, originalVolumeType: volume.volumeType,
        targetSize: target.size, targetIops: target.iops, targetThroughput: target.throughput, targetVolumeType: target.volumeType,
      },
    };
    await tx.ec2Volumes.update(ctx, modified);
    await enqueue(tx, ctx, "ec2.volume.modify", { volumeId: volume.volumeId }, now);
    return { VolumeModification: toVolumeModification(modified) };
  });
};

function targetOf(volume: VolumeRecord, input: ModifyVolumeRequest) {
  const size = input.Size ?? volume.size;
  if (size < volume.size) throw invalidParameterValue(`New size ${size} GiB cannot be smaller than the volume's size of ${volume.size} GiB.`);
  const type = input.VolumeType ?? volume.volumeType;
  const carry = PROVISIONED.includes(type) && PROVISIONED.includes(volume.volumeType);
  const target = volumeSpec({
    VolumeType: type,
    Iops: input.Iops ?? (carry ? volume.iops : undefined),
    Throughput: input.Throughput ?? (type === "gp3" && volume.volumeType === "gp3" ? volume.throughput : undefined),
  }, size);
  if (target.size === volume.size && target.volumeType === volume.volumeType && target.iops === volume.iops && target.throughput === volume.throughput) {
    throw invalidParameterValue(`The request does not change volume '${volume.volumeId}': give a new Size, VolumeType, Iops or Throughput.`);
  }
  return target;
}

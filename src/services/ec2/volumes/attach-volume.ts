import type { AttachVolumeRequest, VolumeAttachment } from "@aws-sdk/client-ec2";
import type { Ec2VolumeJob } from "../../../worker/jobs/ec2-payloads.js";
import type { Handler } from "../../context.js";
import { incorrectInstanceState, incorrectState, volumeAlreadyAttached, zoneMismatch } from "../errors.js";
import { attachedVolumes, instancesByIds } from "../instances/lookup.js";
import { dryRun } from "../request.js";
import { checkDataDevice, checkDevice, deviceInUse } from "./devices.js";
import { volumeById } from "./lookup.js";
import { toAttachment } from "./view.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

export const attachVolume: Handler<AttachVolumeRequest, VolumeAttachment> = async (ctx, input) => {
  const device = checkDevice(input.Device!);
  const now = ctx.clock.now();
  return ctx.transaction(async (tx) => {
    const volume = await volumeById(tx, ctx, input.VolumeId!);
    const [instance] = await instancesByIds(tx, ctx, [input.InstanceId!]);
    if (volume.attachment) throw volumeAlreadyAttached(volume.volumeId, volume.attachment.instanceId);
    if (volume.state !== "available") throw incorrectState(`${volume.volumeId} is not 'available'.`);
    if (instance!.state === "shutting-down" || instance!.state === "terminated") throw incorrectInstanceState(instance!.instanceId, instance!.state, "attached to");
    if (volume.availabilityZone !== instance!.availabilityZone) throw zoneMismatch(volume.volumeId, instance!.instanceId);
    const devices = (await attachedVolumes(tx, ctx, instance!.instanceId)).map((v) => v.attachment!.device);
    if (devices.includes(device) || device === instance!.rootDeviceName) throw deviceInUse(device);
    checkDataDevice(device, instance!.rootDeviceName);
    dryRun(input);
    const attached = {
      ...volume,
      state: "in-use" as const,
      attachment: { instanceId: instance!.instanceId, device, state: "attaching" as const, attachTime: now, deleteOnTermination: false },
    };
    await tx.ec2Volumes.update(ctx, attached);
    await enqueue(tx, ctx, "ec2.volume.attach", { volumeId: volume.volumeId, instanceId: instance!.instanceId }, now);
    return toAttachment(attached)!;
  });
};

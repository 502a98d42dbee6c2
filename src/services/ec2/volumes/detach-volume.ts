import type { DetachVolumeRequest, VolumeAttachment } from "@aws-sdk/client-ec2";
import type { Ec2VolumeJob } from "../../../worker/jobs/ec2-payloads.js";
import type { Handler } from "../../context.js";
import { attachmentNotFound, incorrectState } from "../errors.js";
import { checkId } from "../ids.js";
import { dryRun } from "../request.js";
import { volumeById } from "./lookup.js";
import { toAttachment } from "./view.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

/** Detaching a root volume needs the instance stopped (or gone); a data volume can go at any time. */
export const detachVolume: Handler<DetachVolumeRequest, VolumeAttachment> = async (ctx, input) => {
  if (input.InstanceId !== undefined) checkId("instance", input.InstanceId);
  const now = ctx.clock.now();
  return ctx.transaction(async (tx) => {
    const volume = await volumeById(tx, ctx, input.VolumeId!);
    const a = volume.attachment;
    if (!a) throw incorrectState(`Volume '${volume.volumeId}' is in the '${volume.state}' state.`);
    if ((input.InstanceId !== undefined && input.InstanceId !== a.instanceId) || (input.Device !== undefined && input.Device !== a.device)) {
      throw attachmentNotFound(volume.volumeId, input.InstanceId ?? a.instanceId);
    }
    const instance = await tx.ec2Instances.get(ctx, a.instanceId);
    if (instance && a.device === instance.rootDeviceName && instance.state !== "stopped" && instance.state !== "terminated") {
      throw incorrectState(`Unable to detach root volume '${volume.volumeId}' from instance '${a.instanceId}': the instance is ${instance.state}; stop it first.`);
    }
    dryRun(input);
    if (a.state === "detaching") return toAttachment(volume)!;
    const detaching = { ...volume, attachment: { ...a, state: "detaching" as const } };
    await tx.ec2Volumes.update(ctx, detaching);
    await enqueue(tx, ctx, "ec2.volume.detach", { volumeId: volume.volumeId, instanceId: a.instanceId }, now);
    return toAttachment(detaching)!;
  });
};

import type { DetachDiskRequest, DetachDiskResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { detachNeedsStoppedInstance, notFound, wrongState } from "../errors.js";
import { startDetach } from "./detach.js";

export const detachDisk: Handler<DetachDiskRequest, DetachDiskResult> = async (ctx, input) => {
  const diskName = input.diskName!;
  const operations = await ctx.transaction(async (tx) => {
    const disk = await tx.disks.get(ctx, diskName);
    if (!disk) throw notFound("Disk", diskName);
    if (disk.attachmentState !== "attached" || !disk.attachedTo) throw wrongState("detach this disk", "disk", disk.state);
    const instance = await tx.instances.get(ctx, disk.attachedTo);
    if (!instance) throw notFound("Instance", disk.attachedTo);
    if (instance.state !== "stopped") throw detachNeedsStoppedInstance(instance.state);
    return startDetach(tx, ctx, disk, instance, ctx.clock.now());
  });
  return { operations };
};

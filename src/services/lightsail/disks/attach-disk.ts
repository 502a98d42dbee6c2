import type { AttachDiskRequest, AttachDiskResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import type { DiskJobPayload } from "../../../worker/jobs/disk-jobs.js";
import { invalidInput, notFound, wrongState } from "../errors.js";
import { recordOperation } from "../../../state/operations.js";
import { toOperation } from "../operations/operation.js";
import { checkDiskPath, deviceLetter } from "./paths.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

export const attachDisk: Handler<AttachDiskRequest, AttachDiskResult> = async (ctx, input) => {
  const diskName = input.diskName!;
  const instanceName = input.instanceName!;
  const diskPath = input.diskPath!;
  checkDiskPath(diskPath);
  const now = ctx.clock.now();
  const operations = await ctx.transaction(async (tx) => {
    const disk = await tx.disks.get(ctx, diskName);
    if (!disk) throw notFound("Disk", diskName);
    const instance = await tx.instances.get(ctx, instanceName);
    if (!instance) throw notFound("Instance", instanceName);
    if (disk.state !== "available") throw wrongState("attach this disk", "disk", disk.state);
    if (instance.state !== "running" && instance.state !== "stopped") throw wrongState("attach a disk to this instance", "instance", instance.state);
    if (disk.availabilityZone !== instance.availabilityZone) {
      throw invalidInput(
        `The disk ${diskName} is in ${disk.availabilityZone} but the instance ${instanceName} is in ${instance.availabilityZone}. A disk can only be attached to an instance in its own Availability Zone.`,
      );
    }
    const onInstance = (await tx.disks.findBy(ctx, "attached_to", [instanceName])).filter((d) => d.attachmentState !== "detached");
    const clash = onInstance.find((d) => deviceLetter(d.path ?? "") === deviceLetter(diskPath));
    if (clash) throw invalidInput(`The disk path ${diskPath} is already used by the disk ${clash.name} on the instance ${instanceName}.`);

    await tx.disks.update(ctx, {
      ...disk, state: "in-use", isAttached: true, attachmentState: "attaching", attachedTo: instanceName, path: diskPath,
      autoMounting: input.autoMounting || undefined,
    });
    const diskOp = await recordOperation(tx, ctx, now, {
      resourceName: diskName, resourceType: "Disk", availabilityZone: disk.availabilityZone, operationType: "AttachDisk", operationDetails: instanceName,
    });
    const instanceOp = await recordOperation(tx, ctx, now, {
      resourceName: instanceName, resourceType: "Instance", availabilityZone: instance.availabilityZone, operationType: "AttachDisk", operationDetails: diskName,
    });
    const payload: DiskJobPayload = {
      name: diskName, computeId: disk.computeId, instanceComputeId: instance.computeId, path: diskPath, operationIds: [diskOp.id, instanceOp.id],
    };
    await enqueue(tx, ctx, "lightsail.disk.attach", payload, now);
    return [diskOp, instanceOp];
  });
  return { operations: operations.map((o) => toOperation(o, ctx.region)) };
};

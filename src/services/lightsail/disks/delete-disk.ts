import type { DeleteDiskRequest, DeleteDiskResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import type { DiskJobPayload } from "../../../worker/jobs/disk-jobs.js";
import { deleteAutoSnapshotsOf } from "../auto-snapshots/delete-auto-snapshots.js";
import { diskStillAttached, notFound, wrongState } from "../errors.js";
import { recordOperation } from "../../../state/operations.js";
import { toOperation } from "../operations/operation.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

/** Deletes a detached disk; its add-ons and automatic snapshots go with it, whether or not forceDeleteAddOns is set. */
export const deleteDisk: Handler<DeleteDiskRequest, DeleteDiskResult> = async (ctx, input) => {
  const diskName = input.diskName!;
  const now = ctx.clock.now();
  const operation = await ctx.transaction(async (tx) => {
    const disk = await tx.disks.get(ctx, diskName);
    if (!disk) throw notFound("Disk", diskName);
    if (disk.attachedTo) throw diskStillAttached(disk.attachedTo);
    if (disk.state === "pending") throw wrongState("delete this disk", "disk", disk.state);
    await deleteAutoSnapshotsOf(tx, ctx, diskName, now);
    await tx.disks.delete(ctx, diskName);
    await tx.names.release(ctx, diskName);
    const op = await recordOperation(tx, ctx, now, {
      resourceName: diskName, resourceType: "Disk", availabilityZone: disk.availabilityZone, operationType: "DeleteDisk", done: true,
    });
    const payload: DiskJobPayload = { name: diskName, computeId: disk.computeId, operationIds: [] };
    await enqueue(tx, ctx, "lightsail.disk.destroy", payload, now);
    return op;
  });
  return { operations: [toOperation(operation, ctx.region)] };
};

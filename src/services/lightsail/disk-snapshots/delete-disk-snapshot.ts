import type { DeleteDiskSnapshotRequest, DeleteDiskSnapshotResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { notFound, snapshotInUse, wrongState } from "../errors.js";
import { recordOperation } from "../../../state/operations.js";
import { toOperation } from "../operations/operation.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

/** Deletes a finished disk snapshot that no pending CreateDiskFromSnapshot is reading. */
export const deleteDiskSnapshot: Handler<DeleteDiskSnapshotRequest, DeleteDiskSnapshotResult> = async (ctx, input) => {
  const name = input.diskSnapshotName!;
  const now = ctx.clock.now();
  const operation = await ctx.transaction(async (tx) => {
    const snapshot = await tx.diskSnapshots.get(ctx, name);
    if (!snapshot) throw notFound("DiskSnapshot", name);
    if (snapshot.state === "pending") throw wrongState("delete this snapshot", "snapshot", snapshot.state);
    if (snapshot.pendingRestores.length > 0) throw snapshotInUse(name, snapshot.pendingRestores);
    await tx.diskSnapshots.delete(ctx, name);
    await tx.names.release(ctx, name);
    await enqueue(tx, ctx, "lightsail.snapshot.delete-data", { snapshotId: snapshot.computeId }, now);
    return recordOperation(tx, ctx, now, {
      resourceName: name, resourceType: "DiskSnapshot", availabilityZone: "all", operationType: "DeleteDiskSnapshot", done: true,
    });
  });
  return { operations: [toOperation(operation, ctx.region)] };
};

import type { DeleteInstanceSnapshotRequest, DeleteInstanceSnapshotResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { notFound, snapshotInUse, wrongState } from "../errors.js";
import { recordOperation } from "../../../state/operations.js";
import { toOperation } from "../operations/operation.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

/** Deletes a finished snapshot that no pending restore is reading; instances made from it are not touched. */
export const deleteInstanceSnapshot: Handler<DeleteInstanceSnapshotRequest, DeleteInstanceSnapshotResult> = async (ctx, input) => {
  const name = input.instanceSnapshotName!;
  const now = ctx.clock.now();
  const operation = await ctx.transaction(async (tx) => {
    const snapshot = await tx.instanceSnapshots.get(ctx, name);
    if (!snapshot) throw notFound("InstanceSnapshot", name);
    if (snapshot.state === "pending") throw wrongState("delete this snapshot", "snapshot", snapshot.state);
    if (snapshot.pendingRestores.length > 0) throw snapshotInUse(name, snapshot.pendingRestores);
    await tx.instanceSnapshots.delete(ctx, name);
    await tx.names.release(ctx, name);
    await enqueue(tx, ctx, "lightsail.snapshot.delete-data", { snapshotId: snapshot.computeId }, now);
    return recordOperation(tx, ctx, now, {
      resourceName: name, resourceType: "InstanceSnapshot", availabilityZone: "all", operationType: "DeleteInstanceSnapshot", done: true,
    });
  });
  return { operations: [toOperation(operation, ctx.region)] };
};

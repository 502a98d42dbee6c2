import type { DeleteDiskSnapshotResult, DeleteInstanceSnapshotResult } from "@aws-sdk/client-lightsail";
import type { Holdable } from "../../state/records.js";
import type { ResourceRepository, Tx } from "../../state/store.js";
import { recordOperation } from "../../state/operations.js";
import { enqueue } from "../../worker/jobs/kinds.js";
import type { RequestContext } from "../context.js";
import { notFound, snapshotInUse, wrongState } from "./errors.js";
import { toOperation } from "./operations/operation.js";

type DeletableSnapshot = Holdable & { state: string; computeId: string };

/**
 * DeleteDiskSnapshot and DeleteInstanceSnapshot: a finished snapshot that no pending restore is
 * reading loses its row and its name at once; its bytes are deleted by a job.
 */
export async function deleteFinishedSnapshot(
  ctx: RequestContext,
  resourceType: "DiskSnapshot" | "InstanceSnapshot",
  repository: (tx: Tx) => ResourceRepository<DeletableSnapshot>,
  name: string,
): Promise<DeleteDiskSnapshotResult & DeleteInstanceSnapshotResult> {
  const now = ctx.clock.now();
  const operation = await ctx.transaction(async (tx) => {
    const snapshots = repository(tx);
    const snapshot = await snapshots.get(ctx, name);
    if (!snapshot) throw notFound(resourceType, name);
    if (snapshot.state === "pending") throw wrongState("delete this snapshot", "snapshot", snapshot.state);
    if (snapshot.pendingRestores.length > 0) throw snapshotInUse(name, snapshot.pendingRestores);
    await snapshots.delete(ctx, name);
    await tx.names.release(ctx, name);
    await enqueue(tx, ctx, "lightsail.snapshot.delete-data", { snapshotId: snapshot.computeId }, now);
    return recordOperation(tx, ctx, now, {
      resourceName: name, resourceType, availabilityZone: "all", operationType: `Delete${resourceType}`, done: true,
    });
  });
  return { operations: [toOperation(operation, ctx.region)] };
}

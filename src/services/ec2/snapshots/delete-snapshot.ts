import type { DeleteSnapshotRequest } from "@aws-sdk/client-ec2";
import type { Handler } from "../../context.js";
import { snapshotInUse } from "../errors.js";
import { dryRun } from "../request.js";
import { ownSnapshot } from "./lookup.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

/**
 * Deletes one of the caller's snapshots, even a pending one (its job then finds nothing to finish).
 * A snapshot that a volume is still being created from is in use. Volumes made from it are not
 * touched. Its copies are removed in the background.
 */
export const deleteSnapshot: Handler<DeleteSnapshotRequest, void> = async (ctx, input) => {
  await ctx.transaction(async (tx) => {
    const snapshot = await ownSnapshot(tx, ctx, input.SnapshotId!);
    for await (const { record } of tx.ec2Volumes.scan(ctx, { where: { snapshot_id: snapshot.snapshotId, state: "creating" } })) {
      throw snapshotInUse(snapshot.snapshotId, record.volumeId);
    }
    dryRun(input);
    await tx.ec2Snapshots.delete(ctx, snapshot.snapshotId);
    await enqueue(tx, ctx, "ec2.snapshot.delete-data", { snapshotId: snapshot.snapshotId }, ctx.clock.now());
  });
};

import type { DeleteInstanceSnapshotRequest, DeleteInstanceSnapshotResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { deleteFinishedSnapshot } from "../snapshot-deletion.js";

/** Deletes a finished snapshot that no pending restore is reading; instances made from it are not touched. */
export const deleteInstanceSnapshot: Handler<DeleteInstanceSnapshotRequest, DeleteInstanceSnapshotResult> = (ctx, input) =>
  deleteFinishedSnapshot(ctx, "InstanceSnapshot", (tx) => tx.instanceSnapshots, input.instanceSnapshotName!);

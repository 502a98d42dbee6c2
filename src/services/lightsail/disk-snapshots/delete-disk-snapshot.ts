import type { DeleteDiskSnapshotRequest, DeleteDiskSnapshotResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { deleteFinishedSnapshot } from "../snapshot-deletion.js";

/** Deletes a finished disk snapshot that no pending CreateDiskFromSnapshot is reading. */
export const deleteDiskSnapshot: Handler<DeleteDiskSnapshotRequest, DeleteDiskSnapshotResult> = (ctx, input) =>
  deleteFinishedSnapshot(ctx, "DiskSnapshot", (tx) => tx.diskSnapshots, input.diskSnapshotName!);

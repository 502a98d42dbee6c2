import { SYSTEM_DISK, type SnapshotPart } from "../../../worker/storage.js";
import type { Scope } from "../../../core/scope.js";
import type { Tx } from "../../../state/store.js";
import { autoSnapshotKey } from "../../../state/tables.js";
import type { HoldRef } from "../../../worker/jobs/holds.js";
import { findAutoSnapshotToRestore } from "../auto-snapshots/find-auto-snapshot.js";
import type { RestoreFrom } from "../auto-snapshots/restore-parameters.js";
import { notFound, wrongState } from "../errors.js";

/** A disk snapshot, manual or automatic, as CreateDiskFromSnapshot needs it. */
export interface DiskRestoreSource {
  label: string;
  hold: HoldRef;
  part: SnapshotPart;
  sizeInGb: number;
}

export async function findDiskRestoreSource(tx: Tx, scope: Scope, from: RestoreFrom): Promise<DiskRestoreSource> {
  if (from.kind === "snapshot") {
    const s = await tx.diskSnapshots.get(scope, from.snapshotName);
    if (!s) throw notFound("DiskSnapshot", from.snapshotName);
    if (s.state !== "completed") throw wrongState("create a disk from this snapshot", "snapshot", s.state);
    return {
      label: `disk snapshot ${s.name}`, hold: { kind: "diskSnapshot", key: s.name },
      part: { snapshotId: s.computeId, part: s.fromDiskComputeId ?? SYSTEM_DISK }, sizeInGb: s.sizeInGb,
    };
  }
  const a = await findAutoSnapshotToRestore(tx, scope, "Disk", from.sourceName, from.restoreDate);
  return {
    label: `automatic snapshot of ${a.resourceName} from ${a.date}`, hold: { kind: "autoSnapshot", key: autoSnapshotKey(a.resourceName, a.date) },
    part: { snapshotId: a.computeId, part: a.sourceComputeId }, sizeInGb: a.sizeInGb,
  };
}

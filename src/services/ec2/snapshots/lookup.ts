import type { Scope } from "../../../core/scope.js";
import type { SnapshotRecord } from "../../../state/ec2-records.js";
import type { Tx } from "../../../state/store.js";
import { incorrectState, snapshotsNotFound } from "../errors.js";
import { checkId } from "../ids.js";

/** A snapshot the caller owns (to delete, share or describe the attributes of). */
export async function ownSnapshot(tx: Tx, scope: Scope, snapshotId: string): Promise<SnapshotRecord> {
  const record = await tx.ec2Snapshots.get(scope, checkId("snapshot", snapshotId));
  if (!record) throw snapshotsNotFound([snapshotId]);
  return record;
}

/** A completed snapshot the caller owns or may restore (createVolumePermission), to make a volume or a copy from. */
export async function usableSnapshot(tx: Tx, scope: Scope, snapshotId: string): Promise<SnapshotRecord> {
  const found = await tx.ec2Snapshots.findVisible(scope.region, scope.account, checkId("snapshot", snapshotId));
  if (!found) throw snapshotsNotFound([snapshotId]);
  if (found.record.state !== "completed") throw incorrectState(`Snapshot is in invalid state - ${found.record.state}`);
  return found.record;
}

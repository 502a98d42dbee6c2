import type { Scope } from "../../../core/scope.js";
import type { Tx } from "../../../state/store.js";
import { deleteAutoSnapshotRecords } from "../../../worker/jobs/auto-snapshot.js";
import { snapshotInUse } from "../errors.js";

/**
 * For DeleteInstance and DeleteDisk: deleting a resource deletes its automatic snapshots. Throws
 * (so the caller's transaction deletes nothing) while a restore is still reading one of them.
 */
export async function deleteAutoSnapshotsOf(tx: Tx, scope: Scope, resourceName: string, now: number) {
  const records = await tx.autoSnapshots.findBy(scope, "resource_name", [resourceName]);
  const held = records.filter((r) => r.pendingRestores.length > 0);
  if (held.length > 0) throw snapshotInUse(`${resourceName} (automatic, ${held.map((r) => r.date).join(", ")})`, held.flatMap((r) => r.pendingRestores));
  await deleteAutoSnapshotRecords(tx, scope, records, now);
}

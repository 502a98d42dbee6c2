import type { Tx } from "../../../state/store.js";
import { deleteAutoSnapshotRecords } from "../../../worker/jobs/auto-snapshot.js";
import { snapshotInUse } from "../errors.js";
import type { JobOrigin } from "../../../worker/job.js";

/**
 * For DeleteInstance and DeleteDisk: deleting a resource deletes its automatic snapshots. Throws
 * (so the caller's transaction deletes nothing) while a restore is still reading one of them.
 */
export async function deleteAutoSnapshotsOf(tx: Tx, scope: JobOrigin, resourceName: string, now: number) {
  const records = await tx.autoSnapshots.findBy(scope, "resource_name", [resourceName]);
  const held = records.filter((r) => r.pendingRestores.length > 0);
  if (held.length > 0) throw snapshotInUse(`${resourceName} (automatic, ${held.map((r) => r.date).join(", ")})`, held.flatMap((r) => r.pendingRestores));
  await deleteAutoSnapshotRecords(tx, scope, records, now);
}

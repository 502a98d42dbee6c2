import type { Scope } from "../../../core/scope.js";
import type { AutoSnapshotRecord } from "../../../state/records.js";
import type { Tx } from "../../../state/store.js";
import { autoSnapshotKey } from "../../../state/tables.js";
import { findAddOnResource } from "../add-ons/resource.js";
import { autoSnapshotNotFound, wrongState } from "../errors.js";

/** The automatic snapshot to restore: that of `restoreDate`, or the newest successful one. */
export async function findAutoSnapshotToRestore(
  tx: Tx, scope: Scope, resourceType: "Instance" | "Disk", sourceName: string, restoreDate: string | undefined,
): Promise<AutoSnapshotRecord> {
  await findAddOnResource(tx, scope, sourceName, resourceType);
  if (restoreDate !== undefined) {
    const record = await tx.autoSnapshots.get(scope, autoSnapshotKey(sourceName, restoreDate));
    if (!record) throw autoSnapshotNotFound(sourceName, `from ${restoreDate}`);
    if (record.status !== "Success") throw wrongState("restore from this automatic snapshot", "automatic snapshot", record.status);
    return record;
  }
  const all = await tx.autoSnapshots.findBy(scope, "resource_name", [sourceName]);
  const latest = all.filter((r) => r.status === "Success").sort((a, b) => b.date.localeCompare(a.date))[0];
  if (!latest) throw autoSnapshotNotFound(sourceName, "that can be restored yet");
  return latest;
}

import type { Scope } from "../../../core/scope.js";
import type { DiskRecord } from "../../../state/records.js";
import type { Tx } from "../../../state/store.js";
import { autoSnapshotKey } from "../../../state/tables.js";
import type { HoldRef } from "../../../worker/jobs/holds.js";
import { findAutoSnapshotToRestore } from "../auto-snapshots/find-auto-snapshot.js";
import type { RestoreFrom } from "../auto-snapshots/restore-parameters.js";
import type { BundleInfo } from "../../../catalog/bundles.js";
import { findBundle } from "../../../catalog/bundles.js";
import { invalidInput, notFound, wrongState } from "../errors.js";

/** An instance snapshot, manual or automatic, as CreateInstancesFromSnapshot needs it. */
export interface InstanceRestoreSource {
  /** Names the source in messages. */
  label: string;
  hold: HoldRef;
  snapshotId: string;
  fromBlueprintId: string;
  fromBundleId: string;
  sizeInGb: number;
  disks: DiskRecord[];
}

export async function findInstanceRestoreSource(tx: Tx, scope: Scope, from: RestoreFrom): Promise<InstanceRestoreSource> {
  if (from.kind === "snapshot") {
    const s = await tx.instanceSnapshots.get(scope, from.snapshotName);
    if (!s) throw notFound("InstanceSnapshot", from.snapshotName);
    if (s.state !== "available") throw wrongState("create an instance from this snapshot", "snapshot", s.state);
    return {
      label: `instance snapshot ${s.name}`, hold: { kind: "instanceSnapshot", key: s.name }, snapshotId: s.computeId,
      fromBlueprintId: s.fromBlueprintId, fromBundleId: s.fromBundleId, sizeInGb: s.sizeInGb, disks: s.fromAttachedDisks,
    };
  }
  const a = await findAutoSnapshotToRestore(tx, scope, "Instance", from.sourceName, from.restoreDate);
  return {
    label: `automatic snapshot of ${a.resourceName} from ${a.date}`, hold: { kind: "autoSnapshot", key: autoSnapshotKey(a.resourceName, a.date) },
    snapshotId: a.computeId, fromBlueprintId: a.fromBlueprintId!, fromBundleId: a.fromBundleId!, sizeInGb: a.sizeInGb, disks: a.fromAttachedDisks,
  };
}

/** A snapshot restores only onto a bundle at least as large as its own: as much disk and as much power. */
export function checkBundleFits(bundle: BundleInfo, source: InstanceRestoreSource) {
  const from = findBundle(source.fromBundleId);
  if (bundle.diskSizeInGb < source.sizeInGb || (from && bundle.power < from.power)) {
    throw invalidInput(
      `The bundle ${bundle.bundleId} (power ${bundle.power}, ${bundle.diskSizeInGb} GB disk) is smaller than the ${source.label}, taken on ${source.fromBundleId}` +
        `${from ? ` (power ${from.power}, ${source.sizeInGb} GB disk)` : ` (${source.sizeInGb} GB disk)`}. Choose a bundle of the same size or larger.`,
    );
  }
}

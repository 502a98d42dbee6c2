import type { InstanceSnapshot } from "@aws-sdk/client-lightsail";
import type { InstanceSnapshotRecord } from "../../../state/records.js";
import { toDisk } from "../disks/view.js";
import { regionalLocation, resourceHeader } from "../resources.js";

/** The InstanceSnapshot shape (aws-facts §2.8); `progress` is for disk snapshots only, so it is left out. */
export function toInstanceSnapshot(r: InstanceSnapshotRecord, region: string): InstanceSnapshot {
  return {
    ...resourceHeader(r, regionalLocation(region), "InstanceSnapshot"),
    state: r.state,
    fromAttachedDisks: r.fromAttachedDisks.map((d) => toDisk(d, region)),
    fromInstanceName: r.fromInstanceName,
    fromInstanceArn: r.fromInstanceArn,
    fromBlueprintId: r.fromBlueprintId,
    fromBundleId: r.fromBundleId,
    isFromAutoSnapshot: r.isFromAutoSnapshot,
    sizeInGb: r.sizeInGb,
  };
}

import type { InstanceSnapshot } from "@aws-sdk/client-lightsail";
import type { InstanceSnapshotRecord } from "../../../state/records.js";
import { toDisk } from "../disks/view.js";
import { regionalLocation } from "../resources.js";

/** The InstanceSnapshot shape (aws-facts §2.8); `progress` is for disk snapshots only, so it is left out. */
export function toInstanceSnapshot(r: InstanceSnapshotRecord, region: string): InstanceSnapshot {
  return {
    name: r.name,
    arn: r.arn,
    supportCode: r.supportCode,
    createdAt: new Date(r.createdAt),
    location: regionalLocation(region),
    resourceType: "InstanceSnapshot",
    tags: r.tags,
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

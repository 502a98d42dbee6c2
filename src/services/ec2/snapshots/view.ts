import type { Snapshot, SnapshotInfo } from "@aws-sdk/client-ec2";
import type { SnapshotRecord } from "../../../state/ec2-records.js";
import { toSdkTags } from "../tags/tag-rules.js";

/** DescribeSnapshots / CreateSnapshot: the `Snapshot` shape (State is `status` on the wire). */
export function toSnapshot(r: SnapshotRecord): Snapshot {
  return {
    SnapshotId: r.snapshotId,
    VolumeId: r.volumeId,
    State: r.state,
    StateMessage: r.state === "error" ? "The snapshot could not be taken." : undefined,
    StartTime: new Date(r.startTime),
    CompletionTime: r.completionTime === undefined ? undefined : new Date(r.completionTime),
    Progress: r.progress,
    OwnerId: r.ownerId,
    Description: r.description,
    VolumeSize: r.volumeSize,
    Encrypted: r.encrypted,
    KmsKeyId: r.kmsKeyId,
    Tags: r.tags.length > 0 ? toSdkTags(r.tags) : undefined,
    StorageTier: "standard",
  };
}

/** CreateSnapshots: the `SnapshotInfo` shape (State is `state` on the wire; Tags always present). */
export function toSnapshotInfo(r: SnapshotRecord): SnapshotInfo {
  return {
    SnapshotId: r.snapshotId,
    VolumeId: r.volumeId,
    State: r.state,
    StartTime: new Date(r.startTime),
    Progress: r.progress,
    OwnerId: r.ownerId,
    Description: r.description,
    VolumeSize: r.volumeSize,
    Encrypted: r.encrypted,
    Tags: toSdkTags(r.tags),
  };
}

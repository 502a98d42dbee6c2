import type { SnapshotRecord } from "../../../state/ec2-records.js";
import type { FilterFields } from "../filters.js";

/** DescribeSnapshots filter names (aws-facts §4.5). */
export const snapshotFilters: FilterFields<SnapshotRecord> = {
  tags: (s) => s.tags,
  indexed: { "snapshot-id": "key", "volume-id": "volume_id", "tag:": "tags", status: "state" },
  fields: {
    "snapshot-id": (s) => s.snapshotId,
    "volume-id": (s) => s.volumeId,
    "volume-size": (s) => s.volumeSize,
    status: (s) => s.state,
    progress: (s) => s.progress,
    "start-time": (s) => new Date(s.startTime).toISOString(),
    description: (s) => s.description,
    encrypted: (s) => s.encrypted,
    "kms-key-id": (s) => s.kmsKeyId,
    "owner-id": (s) => s.ownerId,
    "owner-alias": () => undefined,
    "storage-tier": () => "standard",
    "transfer-type": () => "standard",
  },
};

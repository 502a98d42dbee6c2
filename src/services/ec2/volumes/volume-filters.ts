import type { VolumeRecord } from "../../../state/ec2-records.js";
import type { FilterFields } from "../filters.js";

const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

/** DescribeVolumes filter names (EC2 model docs). */
export const volumeFilters: FilterFields<VolumeRecord> = {
  tags: (v) => v.tags,
  indexed: { "volume-id": "key", "attachment.instance-id": "instance_id", "snapshot-id": "snapshot_id", "tag:": "tags", status: "state" },
  fields: {
    "volume-id": (v) => v.volumeId,
    status: (v) => v.state,
    size: (v) => v.size,
    "snapshot-id": (v) => v.snapshotId,
    "availability-zone": (v) => v.availabilityZone,
    "volume-type": (v) => v.volumeType,
    encrypted: (v) => v.encrypted,
    "create-time": (v) => iso(v.createTime),
    "multi-attach-enabled": (v) => v.multiAttachEnabled,
    "fast-restored": () => false,
    "attachment.instance-id": (v) => v.attachment?.instanceId,
    "attachment.device": (v) => v.attachment?.device,
    "attachment.status": (v) => v.attachment?.state,
    "attachment.attach-time": (v) => iso(v.attachment?.attachTime),
    "attachment.delete-on-termination": (v) => v.attachment?.deleteOnTermination,
  },
};

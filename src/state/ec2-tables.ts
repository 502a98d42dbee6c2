import type { Ec2InstanceRecord, Ec2KeyPairRecord, SnapshotRecord, VolumeRecord } from "./ec2-records.js";
import type { TableDef } from "./tables.js";

/** EC2's document tables (DDL in migrations/<dialect>/003-ec2): keyed by resource id, key pairs by name; tags indexed (005). */
export const ec2InstancesTable: TableDef<Ec2InstanceRecord, "reservation_id" | "state" | "client_token"> = {
  table: "ec2_instances",
  key: (r) => r.instanceId,
  columns: { reservation_id: (r) => r.reservationId, state: (r) => r.state, client_token: (r) => r.clientToken },
  tags: (r) => r.tags,
};

export const ec2VolumesTable: TableDef<VolumeRecord, "instance_id" | "snapshot_id" | "state"> = {
  table: "ec2_volumes",
  key: (r) => r.volumeId,
  columns: {
    instance_id: (r) => r.attachment?.instanceId ?? null,
    snapshot_id: (r) => r.snapshotId || null,
    state: (r) => r.state,
  },
  tags: (r) => r.tags,
};

export const ec2SnapshotsTable: TableDef<SnapshotRecord, "volume_id" | "state"> = {
  table: "ec2_snapshots",
  key: (r) => r.snapshotId,
  columns: { volume_id: (r) => r.volumeId, state: (r) => r.state },
  tags: (r) => r.tags,
};

export const ec2KeyPairsTable: TableDef<Ec2KeyPairRecord, "key_pair_id"> = {
  table: "ec2_key_pairs",
  key: (r) => r.keyName,
  columns: { key_pair_id: (r) => r.keyPairId },
};

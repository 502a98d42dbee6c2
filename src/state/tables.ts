import type {
  AutoSnapshotRecord, DiskRecord, DiskSnapshotRecord, InstanceRecord, InstanceSnapshotRecord, KeyPairRecord, OperationRecord,
} from "./records.js";

/**
 * How each resource family is stored: a table of JSON documents keyed by (account, region, key),
 * ordered by an insertion sequence, with the extra columns that lookups and filters need indexed.
 */
export interface TableDef<R> {
  table: string;
  key: (record: R) => string;
  columns: Record<string, (record: R) => string | number | null>;
  /** Tags to keep in the `doc_tags` index (migration 5), so that scans can be narrowed by tag. */
  tags?: (record: R) => { key: string; value?: string }[];
}

export const instancesTable: TableDef<InstanceRecord> = {
  table: "ls_instances",
  key: (r) => r.name,
  columns: {},
};

export const keyPairsTable: TableDef<KeyPairRecord> = {
  table: "ls_key_pairs",
  key: (r) => r.name,
  columns: { is_default: (r) => (r.isDefault ? 1 : 0) },
};

export const operationsTable: TableDef<OperationRecord> = {
  table: "ls_operations",
  key: (r) => r.id,
  columns: { resource_name: (r) => r.resourceName },
};

export const disksTable: TableDef<DiskRecord> = {
  table: "ls_disks",
  key: (r) => r.name,
  columns: { attached_to: (r) => r.attachedTo ?? null },
};

export const instanceSnapshotsTable: TableDef<InstanceSnapshotRecord> = {
  table: "ls_instance_snapshots",
  key: (r) => r.name,
  columns: { from_instance_name: (r) => r.fromInstanceName },
};

export const diskSnapshotsTable: TableDef<DiskSnapshotRecord> = {
  table: "ls_disk_snapshots",
  key: (r) => r.name,
  columns: { from_disk_name: (r) => r.fromDiskName ?? null, from_instance_name: (r) => r.fromInstanceName ?? null },
};

/** Keyed `<resource name>/<date>`: one automatic snapshot per resource and day. */
export const autoSnapshotKey = (resourceName: string, date: string) => `${resourceName}/${date}`;

export const autoSnapshotsTable: TableDef<AutoSnapshotRecord> = {
  table: "ls_auto_snapshots",
  key: (r) => autoSnapshotKey(r.resourceName, r.date),
  columns: { resource_name: (r) => r.resourceName },
};

import type {
  AutoSnapshotRecord, DiskRecord, DiskSnapshotRecord, InstanceRecord, InstanceSnapshotRecord, KeyPairRecord, OperationRecord,
} from "./records.js";

/**
 * How each resource family is stored, for every engine: a table of JSON documents keyed by
 * (account, region, key), ordered by an insertion sequence, with the extra columns `C` that lookups
 * and filters need indexed. The one place a column's name is written down besides the migrations:
 * repositories are typed by it, so `findBy`/`where` with a column a table lacks fails to compile.
 */
export interface TableDef<R, C extends string = string> {
  table: string;
  key: (record: R) => string;
  columns: Record<C, (record: R) => string | number | null>;
  /** Tags to keep in the `doc_tags` index (migration 5), so that scans can be narrowed by tag. */
  tags?: (record: R) => { key: string; value?: string }[];
}

/** The indexed columns of a table definition. */
export type ColumnOf<T> = T extends TableDef<never, infer C> ? C : never;

export const instancesTable: TableDef<InstanceRecord, never> = {
  table: "ls_instances",
  key: (r) => r.name,
  columns: {},
};

export const keyPairsTable: TableDef<KeyPairRecord, "is_default"> = {
  table: "ls_key_pairs",
  key: (r) => r.name,
  columns: { is_default: (r) => (r.isDefault ? 1 : 0) },
};

export const operationsTable: TableDef<OperationRecord, "resource_name"> = {
  table: "ls_operations",
  key: (r) => r.id,
  columns: { resource_name: (r) => r.resourceName },
};

export const disksTable: TableDef<DiskRecord, "attached_to"> = {
  table: "ls_disks",
  key: (r) => r.name,
  columns: { attached_to: (r) => r.attachedTo ?? null },
};

export const instanceSnapshotsTable: TableDef<InstanceSnapshotRecord, "from_instance_name"> = {
  table: "ls_instance_snapshots",
  key: (r) => r.name,
  columns: { from_instance_name: (r) => r.fromInstanceName },
};

export const diskSnapshotsTable: TableDef<DiskSnapshotRecord, "from_disk_name" | "from_instance_name"> = {
  table: "ls_disk_snapshots",
  key: (r) => r.name,
  columns: { from_disk_name: (r) => r.fromDiskName ?? null, from_instance_name: (r) => r.fromInstanceName ?? null },
};

/** Keyed `<resource name>/<date>`: one automatic snapshot per resource and day. */
export const autoSnapshotKey = (resourceName: string, date: string) => `${resourceName}/${date}`;

export const autoSnapshotsTable: TableDef<AutoSnapshotRecord, "resource_name"> = {
  table: "ls_auto_snapshots",
  key: (r) => autoSnapshotKey(r.resourceName, r.date),
  columns: { resource_name: (r) => r.resourceName },
};

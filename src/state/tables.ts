import type { InstanceRecord, KeyPairRecord, OperationRecord } from "./records.js";

/**
 * How each resource family is stored: a table of JSON documents keyed by (account, region, key),
 * ordered by an insertion sequence, with the extra columns that lookups and filters need indexed.
 */
export interface TableDef<R> {
  table: string;
  key: (record: R) => string;
  columns: Record<string, (record: R) => string | number | null>;
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

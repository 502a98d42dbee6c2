import type { Scope } from "../core/scope.js";
import type { MigrationId } from "./migrations/index.js";
import type { Ec2InstanceRecord, Ec2KeyPairRecord, SnapshotRecord, VolumeRecord } from "./ec2-records.js";
import type { ec2InstancesTable, ec2KeyPairsTable, ec2SnapshotsTable, ec2VolumesTable } from "./ec2-tables.js";
import type {
  autoSnapshotsTable, ColumnOf, diskSnapshotsTable, disksTable, instanceSnapshotsTable, instancesTable, keyPairsTable, operationsTable,
} from "./tables.js";
import type {
  AccessKeyRecord, AutoSnapshotRecord, DiskRecord, DiskSnapshotRecord, InstanceRecord, InstanceSnapshotRecord, JobRecord, KeyPairRecord, OperationRecord,
} from "./records.js";

/**
 * The only source of truth (ARCHITECTURE: state/). Engines implement these interfaces; handlers
 * and the worker see nothing else. Methods are async so that a networked engine fits unchanged.
 */
export interface Store {
  readonly engine: string;
  readonly location: string;
  /** Runs fn in one serialisable transaction: all of its writes land, or none. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs fn for reading only; it sees one consistent state but must not write. */
  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** The migrations applied to the schema, in order (all of `migrationIds` once the store is open). */
  appliedMigrations(): Promise<MigrationId[]>;
  /** Removes every resource, job and setting; access keys stay. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface Page<R> {
  items: R[];
  /** Present when more items follow; pass it back as `after`. */
  next?: number;
}

/**
 * What `insert` throws for a key its scope already holds (every engine: a unique constraint, so
 * that of two concurrent transactions inserting one key, one fails and writes nothing).
 */
export class DuplicateKeyError extends Error {
  constructor(readonly table: string, readonly key: string) {
    super(`${table} already holds ${key}`);
  }
}

/**
 * Resources addressed by a key (a name or an id) inside a scope, listed in creation order. `C` are
 * the indexed columns of its table (tables.ts, ec2-tables.ts) that `where` and `findBy` may name.
 */
export interface ResourceRepository<R, C extends string = string> {
  get(scope: Scope, key: string): Promise<R | undefined>;
  /** Throws DuplicateKeyError when the scope holds the record's key already. */
  insert(scope: Scope, record: R): Promise<void>;
  update(scope: Scope, record: R): Promise<void>;
  delete(scope: Scope, key: string): Promise<boolean>;
  page(scope: Scope, options: { after?: number; limit: number; where?: Where<C> }): Promise<Page<R>>;
  count(scope: Scope): Promise<number>;
  /**
   * Every record after position `after` (matching `where`) in creation order, with its position,
   * read in batches: for callers that filter and page themselves (EC2 Describe* calls). `narrow`
   * lets an index find the candidates instead of reading every record of the scope.
   */
  scan(scope: Scope, options?: ScanOptions<C>): AsyncIterable<Positioned<R>>;
  /** Every record whose indexed `column` holds one of `values`, in creation order. */
  findBy(scope: Scope, column: C, values: (string | number)[]): Promise<R[]>;
  /** The scopes that hold at least one record (for the worker's startup checks across accounts). */
  scopes(): Promise<Scope[]>;
}

/** Records whose indexed columns equal these values. */
export type Where<C extends string> = Partial<Record<C, string | number>>;

export interface ScanOptions<C extends string = string> {
  after?: number;
  where?: Where<C>;
  narrow?: Narrowing;
}

/**
 * Records an index can find: those whose key (`column: "key"`) or indexed extra column holds one
 * of `values`, or (tables that index tags) that carry the tag `tag` with one of `values`. A
 * narrowed scan returns no record outside it; callers still test every record they get.
 */
export type Narrowing = { column: string; values: (string | number)[] } | { tag: string; values: string[] };

export interface Positioned<R> {
  seq: number;
  record: R;
}

/**
 * EC2 snapshots: owned per account and region, but visible to the accounts their owner shares
 * them with (createVolumePermission), or to everyone when shared with "all".
 */
export interface SnapshotRepository extends ResourceRepository<SnapshotRecord, ColumnOf<typeof ec2SnapshotsTable>> {
  /**
   * Snapshots of the region that `account` owns (unless `own` is false) or may restore, in creation
   * order, with their owner. `narrow` applies to the caller's own snapshots, found by index; those
   * shared with the caller are read from the shares index and not narrowed.
   */
  scanVisible(
    region: string,
    account: string,
    options?: { after?: number; narrow?: Narrowing; own?: boolean },
  ): AsyncIterable<Positioned<SnapshotRecord> & { owner: string }>;
  /** One snapshot by id if `account` owns it or may restore it. */
  findVisible(region: string, account: string, snapshotId: string): Promise<{ owner: string; record: SnapshotRecord } | undefined>;
}

export interface NameRepository {
  /** Reserves names for a resource type; returns the names already taken (nothing reserved then). */
  claim(scope: Scope, names: string[], resourceType: string): Promise<string[]>;
  release(scope: Scope, name: string): Promise<void>;
}

export interface JobRepository {
  /**
   * `recurring` marks a job that a schedule keeps re-enqueueing (automatic snapshots, idle checks):
   * until it is due, it does not count as pending work.
   */
  enqueue(scope: Scope, kind: string, payload: Record<string, unknown>, runAt: number, options?: { recurring?: boolean }): Promise<number>;
  /** Marks up to `limit` due jobs as running and returns them. */
  claimDue(now: number, limit: number): Promise<JobRecord[]>;
  finish(id: number): Promise<void>;
  retry(id: number, runAt: number): Promise<void>;
  /** Puts jobs that a stopped process had claimed back in the queue; returns how many. */
  requeueClaimed(): Promise<number>;
  nextRunAt(): Promise<number | undefined>;
  /** Jobs running, due by `now`, or queued for later unless recurring (every job when `now` is not given). */
  pending(now?: number): Promise<number>;
}

/** Server-wide values that outlive a restart (not scoped: they belong to the server, not an account). */
export interface SettingsRepository {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

/** Access keys (server-wide, like settings); `reset` keeps them. */
export interface AccessKeyRepository {
  get(accessKeyId: string): Promise<AccessKeyRecord | undefined>;
  list(): Promise<AccessKeyRecord[]>;
  insert(key: AccessKeyRecord): Promise<void>;
  delete(accessKeyId: string): Promise<boolean>;
}

export interface Tx {
  names: NameRepository;
  settings: SettingsRepository;
  accessKeys: AccessKeyRepository;
  instances: ResourceRepository<InstanceRecord, ColumnOf<typeof instancesTable>>;
  keyPairs: ResourceRepository<KeyPairRecord, ColumnOf<typeof keyPairsTable>>;
  operations: ResourceRepository<OperationRecord, ColumnOf<typeof operationsTable>>;
  disks: ResourceRepository<DiskRecord, ColumnOf<typeof disksTable>>;
  instanceSnapshots: ResourceRepository<InstanceSnapshotRecord, ColumnOf<typeof instanceSnapshotsTable>>;
  diskSnapshots: ResourceRepository<DiskSnapshotRecord, ColumnOf<typeof diskSnapshotsTable>>;
  autoSnapshots: ResourceRepository<AutoSnapshotRecord, ColumnOf<typeof autoSnapshotsTable>>;
  jobs: JobRepository;
  ec2Instances: ResourceRepository<Ec2InstanceRecord, ColumnOf<typeof ec2InstancesTable>>;
  ec2Volumes: ResourceRepository<VolumeRecord, ColumnOf<typeof ec2VolumesTable>>;
  ec2Snapshots: SnapshotRepository;
  ec2KeyPairs: ResourceRepository<Ec2KeyPairRecord, ColumnOf<typeof ec2KeyPairsTable>>;
}

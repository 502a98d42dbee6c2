import type { Scope } from "../core/scope.js";
import type { InstanceRecord, JobRecord, KeyPairRecord, OperationRecord } from "./records.js";

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
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface Page<R> {
  items: R[];
  /** Present when more items follow; pass it back as `after`. */
  next?: number;
}

/** Resources addressed by a key (a name or an id) inside a scope, listed in creation order. */
export interface ResourceRepository<R> {
  get(scope: Scope, key: string): Promise<R | undefined>;
  insert(scope: Scope, record: R): Promise<void>;
  update(scope: Scope, record: R): Promise<void>;
  delete(scope: Scope, key: string): Promise<boolean>;
  page(scope: Scope, options: { after?: number; limit: number; where?: Record<string, string | number> }): Promise<Page<R>>;
  count(scope: Scope): Promise<number>;
}

export interface NameRepository {
  /** Reserves names for a resource type; returns the names already taken (nothing reserved then). */
  claim(scope: Scope, names: string[], resourceType: string): Promise<string[]>;
  release(scope: Scope, name: string): Promise<void>;
}

export interface JobRepository {
  enqueue(scope: Scope, kind: string, payload: Record<string, unknown>, runAt: number): Promise<number>;
  /** Marks up to `limit` due jobs as running and returns them. */
  claimDue(now: number, limit: number): Promise<JobRecord[]>;
  finish(id: number): Promise<void>;
  retry(id: number, runAt: number): Promise<void>;
  /** Puts jobs that a stopped process had claimed back in the queue; returns how many. */
  requeueClaimed(): Promise<number>;
  nextRunAt(): Promise<number | undefined>;
  /** Jobs that are running or due by `now` (all jobs when `now` is not given). */
  pending(now?: number): Promise<number>;
}

export interface Tx {
  names: NameRepository;
  instances: ResourceRepository<InstanceRecord>;
  keyPairs: ResourceRepository<KeyPairRecord>;
  operations: ResourceRepository<OperationRecord>;
  jobs: JobRepository;
}

import type { Clock } from "../core/clock.js";
import type { Scope } from "../core/scope.js";
import type { ComputeDriver } from "../compute/driver.js";
import type { Logger } from "../core/log.js";
import type { Store, Tx } from "../state/store.js";
import type { Storage } from "./storage.js";

export interface JobEnv {
  store: Store;
  clock: Clock;
  driver: ComputeDriver;
  /** Disks and snapshots (bytes in the driver's DiskStore, when it has one). */
  storage: Storage;
  log: Logger;
}

/**
 * Where a job comes from: the scope it works in and the request that queued it (absent for work a
 * schedule started on its own, and for rows queued before request ids were kept). A handler's
 * RequestContext is one; a running job passes its own on to the jobs it queues.
 */
export interface JobOrigin extends Scope {
  requestId?: string;
}

/** A claimed job as a handler sees it: the payload already typed by its kind (catalogue.ts). */
export interface Job<P> extends JobOrigin {
  id: number;
  kind: string;
  payload: P;
  runAt: number;
  attempts: number;
}

export type Finish = (fn: (tx: Tx) => Promise<void>) => Promise<void>;

/** One kind of background work. `run` does it; `fail` records why it could not be done. */
export interface JobHandler<P> {
  run(job: Job<P>, env: JobEnv, finish: Finish): Promise<void>;
  fail(job: Job<P>, env: JobEnv, error: Error, finish: Finish): Promise<void>;
}

export const jobScope = (job: Scope): Scope => ({ account: job.account, region: job.region });

/** The origin a running job gives the jobs it queues: its scope and the request that started it all. */
export const jobOrigin = (job: JobOrigin): JobOrigin => ({ account: job.account, region: job.region, requestId: job.requestId });

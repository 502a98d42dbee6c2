import type { Clock } from "../core/clock.js";
import type { Scope } from "../core/scope.js";
import type { ComputeDriver } from "../compute/driver.js";
import type { Logger } from "../core/log.js";
import type { JobRecord } from "../state/records.js";
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

/** One kind of background work. `run` does it; `fail` records why it could not be done. */
export interface JobHandler {
  run(job: JobRecord, env: JobEnv, finish: (fn: (tx: Tx) => Promise<void>) => Promise<void>): Promise<void>;
  fail(job: JobRecord, env: JobEnv, error: Error, finish: (fn: (tx: Tx) => Promise<void>) => Promise<void>): Promise<void>;
}

export const jobScope = (job: JobRecord): Scope => ({ account: job.account, region: job.region });

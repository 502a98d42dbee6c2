import type { JobHandler } from "../job.js";
import { AUTO_SNAPSHOT_JOB, autoSnapshotJob } from "./auto-snapshot.js";
import { diskJobs } from "./disk-jobs.js";
import { RESTORE_INSTANCE_JOB, restoreInstanceJob } from "./restore-instance.js";
import { snapshotJobs } from "./snapshot-jobs.js";
import { STOP_IDLE_JOB, stopIdleJob } from "./stop-idle.js";

/** Jobs of disks, snapshots, restores and add-ons. */
export const storageJobHandlers: Record<string, JobHandler> = {
  ...diskJobs,
  ...snapshotJobs,
  [RESTORE_INSTANCE_JOB]: restoreInstanceJob,
  [AUTO_SNAPSHOT_JOB]: autoSnapshotJob,
  [STOP_IDLE_JOB]: stopIdleJob,
};

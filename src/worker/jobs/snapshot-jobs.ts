import type { SnapshotSpec } from "../../compute/driver.js";
import type { Tx } from "../../state/store.js";
import type { Scope } from "../../core/scope.js";
import { jobScope, type JobHandler } from "../job.js";
import { finishOperations } from "../operations.js";

export const SNAPSHOT_JOBS = {
  createInstanceSnapshot: "lightsail.instance-snapshot.create",
  createDiskSnapshot: "lightsail.disk-snapshot.create",
  deleteData: "lightsail.snapshot.delete-data",
} as const;

export interface SnapshotJobPayload {
  name: string;
  computeId: string;
  spec: SnapshotSpec;
  operationIds: string[];
}

type Settle = (tx: Tx, scope: Scope, p: SnapshotJobPayload, ok: boolean) => Promise<void>;

/** Copies the disks of `spec` under the snapshot's id, then marks the snapshot done (or failed) and ends its Operations. */
function snapshotJob(settle: Settle): JobHandler {
  return {
    async run(job, env, finish) {
      const p = job.payload as unknown as SnapshotJobPayload;
      await env.driver.snapshot(p.computeId, p.spec);
      await finish(async (tx) => {
        await settle(tx, jobScope(job), p, true);
        await finishOperations(tx, jobScope(job), p.operationIds, env.clock.now());
      });
    },
    async fail(job, env, error, finish) {
      const p = job.payload as unknown as SnapshotJobPayload;
      await finish(async (tx) => {
        await settle(tx, jobScope(job), p, false);
        await finishOperations(tx, jobScope(job), p.operationIds, env.clock.now(), { code: "InternalError", details: error.message });
      });
    },
  };
}

export const snapshotJobs: Record<string, JobHandler> = {
  [SNAPSHOT_JOBS.createInstanceSnapshot]: snapshotJob(async (tx, scope, p, ok) => {
    const s = await tx.instanceSnapshots.get(scope, p.name);
    if (s && s.computeId === p.computeId && s.state === "pending") await tx.instanceSnapshots.update(scope, { ...s, state: ok ? "available" : "error" });
  }),
  [SNAPSHOT_JOBS.createDiskSnapshot]: snapshotJob(async (tx, scope, p, ok) => {
    const s = await tx.diskSnapshots.get(scope, p.name);
    if (s && s.computeId === p.computeId && s.state === "pending") await tx.diskSnapshots.update(scope, { ...s, state: ok ? "completed" : "error" });
  }),
  [SNAPSHOT_JOBS.deleteData]: {
    async run(job, env, finish) {
      await env.driver.deleteSnapshot((job.payload as { snapshotId: string }).snapshotId);
      await finish(async () => {});
    },
    async fail(_job, _env, _error, finish) {
      await finish(async () => {});
    },
  },
};

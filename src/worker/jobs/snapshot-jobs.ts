import { systemDiskId } from "../../compute/driver.js";
import type { Tx } from "../../state/store.js";
import type { Scope } from "../../core/scope.js";
import { jobScope, type JobHandler } from "../job.js";
import { finishOperations } from "../operations.js";
import { SYSTEM_DISK, type SnapshotCopy } from "../storage.js";

/**
 * What a Lightsail snapshot copies: an instance's system disk (with `instanceId`, the instance's
 * driver handle) and block disks by driver handle; `holders` are the instances those disks are
 * attached to, held still while the copies are made.
 */
export interface SnapshotSpec {
  instanceId?: string;
  diskIds: string[];
  holders?: string[];
}

/** The copies of a snapshot: the system disk as SYSTEM_DISK, each block disk under its own handle. */
export function snapshotCopies(snapshotId: string, spec: SnapshotSpec): SnapshotCopy[] {
  const parts = [...(spec.instanceId ? [{ diskId: systemDiskId(spec.instanceId), part: SYSTEM_DISK }] : []), ...spec.diskIds.map((id) => ({ diskId: id, part: id }))];
  return parts.map(({ diskId, part }) => ({ diskId, to: { snapshotId, part } }));
}

/** The instances to freeze around a snapshot. */
export const snapshotHolders = (spec: SnapshotSpec) => [...new Set([...(spec.instanceId ? [spec.instanceId] : []), ...(spec.holders ?? [])])];

export interface SnapshotJobPayload {
  name: string;
  computeId: string;
  spec: SnapshotSpec;
  operationIds: string[];
}

type Settle = (tx: Tx, scope: Scope, p: SnapshotJobPayload, ok: boolean) => Promise<void>;

/** Copies the disks of `spec` under the snapshot's id, then marks the snapshot done (or failed) and ends its Operations. */
function snapshotJob(settle: Settle): JobHandler<SnapshotJobPayload> {
  return {
    async run(job, env, finish) {
      const p = job.payload;
      await env.storage.takeSnapshot(snapshotCopies(p.computeId, p.spec), snapshotHolders(p.spec));
      await finish(async (tx) => {
        await settle(tx, jobScope(job), p, true);
        await finishOperations(tx, jobScope(job), p.operationIds, env.clock.now());
      });
    },
    async fail(job, env, error, finish) {
      const p = job.payload;
      await finish(async (tx) => {
        await settle(tx, jobScope(job), p, false);
        await finishOperations(tx, jobScope(job), p.operationIds, env.clock.now(), { code: "InternalError", details: error.message });
      });
    },
  };
}

/** The snapshot whose copies to remove: its storage id (a Lightsail snapshot's computeId, an EBS snapshot's id). */
export interface SnapshotDataJob {
  snapshotId: string;
}

/** Removes a deleted snapshot's copies (a Lightsail or an EBS snapshot: each service has its own kind). */
export const deleteSnapshotData: JobHandler<SnapshotDataJob> = {
  async run(job, env, finish) {
    await env.storage.deleteSnapshot(job.payload.snapshotId);
    await finish(async () => {});
  },
  async fail(job, { log }, error, finish) {
    log.error("snapshot.delete-data", { snapshotId: job.payload.snapshotId, requestId: job.requestId, error: error.message });
    await finish(async () => {});
  },
};

export const createInstanceSnapshot = snapshotJob(async (tx, scope, p, ok) => {
  const s = await tx.instanceSnapshots.get(scope, p.name);
  if (s && s.computeId === p.computeId && s.state === "pending") await tx.instanceSnapshots.update(scope, { ...s, state: ok ? "available" : "error" });
});

export const createDiskSnapshot = snapshotJob(async (tx, scope, p, ok) => {
  const s = await tx.diskSnapshots.get(scope, p.name);
  if (s && s.computeId === p.computeId && s.state === "pending") await tx.diskSnapshots.update(scope, { ...s, state: ok ? "completed" : "error" });
});


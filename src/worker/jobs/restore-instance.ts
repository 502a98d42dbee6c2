import type { Scope } from "../../core/scope.js";
import type { Tx } from "../../state/store.js";
import { jobScope, type JobHandler } from "../job.js";
import { finishOperations } from "../operations.js";
import { releaseHold, type HoldRef } from "./holds.js";
import type { InstanceJobPayload } from "./instance-transition.js";

export const RESTORE_INSTANCE_JOB = "lightsail.instance.restore";

/** A disk of the snapshot that becomes a new disk of the new instance (attachedDiskMapping). */
export interface RestoreDisk {
  name: string;
  computeId: string;
  sizeInGb: number;
  path: string;
  /** The part of the snapshot to copy: the original disk's driver handle. */
  part: string;
}

export interface RestorePlan {
  snapshotId: string;
  hold: HoldRef;
  /** By new instance name. */
  disks: Record<string, RestoreDisk[]>;
}

type RestorePayload = InstanceJobPayload & { restore: RestorePlan };

async function settle(tx: Tx, scope: Scope, p: RestorePayload, ok: boolean) {
  const instance = await tx.instances.get(scope, p.name);
  if (ok && instance && instance.computeId === p.computeId && instance.state === "pending") {
    await tx.instances.update(scope, { ...instance, state: "running" });
  }
  for (const d of p.restore.disks[p.name] ?? []) {
    const disk = await tx.disks.get(scope, d.name);
    if (!disk || disk.computeId !== d.computeId || disk.state !== "pending") continue;
    // A disk whose new instance was deleted meanwhile has been detached: it ends up available, not attached.
    const attached = disk.attachmentState === "attaching";
    await tx.disks.update(scope, !ok ? { ...disk, state: "error" } : attached ? { ...disk, state: "in-use", attachmentState: "attached" } : { ...disk, state: "available" });
  }
  await releaseHold(tx, scope, p.restore.hold, p.name);
}

/**
 * CreateInstancesFromSnapshot's work for one instance: boot from the snapshot's system disk, copy
 * each mapped disk and attach it at its original path, then let go of the snapshot.
 */
export const restoreInstanceJob: JobHandler = {
  async run(job, env, finish) {
    const p = job.payload as RestorePayload;
    const { snapshotId } = p.restore;
    await env.driver.create({ ...p.spec!, fromSnapshot: snapshotId });
    for (const d of p.restore.disks[p.name] ?? []) {
      await env.driver.createDisk(d.computeId, d.sizeInGb, { snapshotId, part: d.part });
      await env.driver.attachDisk(p.computeId, d.computeId, d.path);
    }
    await finish(async (tx) => {
      await settle(tx, jobScope(job), p, true);
      await finishOperations(tx, jobScope(job), p.operationIds, env.clock.now());
    });
  },
  async fail(job, env, error, finish) {
    const p = job.payload as RestorePayload;
    await finish(async (tx) => {
      await settle(tx, jobScope(job), p, false);
      await finishOperations(tx, jobScope(job), p.operationIds, env.clock.now(), { code: "InternalError", details: error.message });
    });
  },
};

import type { Scope } from "../../core/scope.js";
import type { Tx } from "../../state/store.js";
import { jobScope, type JobHandler } from "../job.js";
import { systemDiskId } from "../../compute/driver.js";
import { finishOperations } from "../operations.js";
import { SYSTEM_DISK, type BootDisk } from "../storage.js";
import { releaseHold, type HoldRef } from "./holds.js";
import { createMachine, currentInstance, instanceSpec, type InstanceCreatePayload, type InstancePatch } from "./instance-transition.js";

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

export interface RestorePayload extends InstanceCreatePayload {
  restore: RestorePlan;
}

async function settle(tx: Tx, scope: Scope, p: RestorePayload, ok: boolean, patch?: InstancePatch) {
  const instance = await tx.instances.get(scope, p.name);
  if (instance && instance.computeId === p.computeId && instance.state === "pending") {
    // A restore that failed for good leaves the instance stopped (as a failed create does), not pending.
    await tx.instances.update(scope, ok ? { ...instance, ...patch, state: "running" } : { ...instance, state: "stopped" });
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
 * CreateInstancesFromSnapshot's work for one instance: copy the snapshot's system disk and each
 * mapped disk, boot from the copy with the mapped disks at their original paths, then let go of
 * the snapshot. If the instance was deleted meanwhile, its mapped disks are still restored (they
 * outlive it, detached) and a machine made after the delete is destroyed again.
 */
export const restoreInstanceJob: JobHandler<RestorePayload> = {
  async run(job, env, finish) {
    const p = job.payload;
    const scope = jobScope(job);
    const { snapshotId } = p.restore;
    const disks = p.restore.disks[p.name] ?? [];
    const dataDisks: BootDisk[] = disks.map((d) => ({ diskId: d.computeId, sizeGiB: d.sizeInGb, from: { snapshotId, part: d.part } }));
    const current = () => currentInstance(env, scope, p.name, p.computeId);
    const record = await current();
    let patch: InstancePatch;
    if (record) {
      const system = systemDiskId(p.computeId);
      const machine = instanceSpec(record, p.publicKey);
      await env.storage.prepareBootDisks([{ diskId: system, sizeGiB: machine.systemDiskGiB, from: { snapshotId, part: SYSTEM_DISK } }, ...dataDisks]);
      const spec = { ...machine, systemDiskId: system, disks: disks.map((d) => ({ diskId: d.computeId, devicePath: d.path })) };
      patch = await createMachine(env, scope, p.name, spec, record);
      if (!(await current())) await env.driver.destroy(p.computeId);
    } else {
      await env.storage.prepareBootDisks(dataDisks);
    }
    await finish(async (tx) => {
      await settle(tx, scope, p, true, patch);
      await finishOperations(tx, scope, p.operationIds, env.clock.now());
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

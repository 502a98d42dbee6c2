import type { SnapshotRecord } from "../../state/ec2-records.js";
import { jobScope, type JobHandler } from "../job.js";
import type { Ec2SnapshotsJob } from "./ec2-payloads.js";

/**
 * Takes a set of EBS snapshots at one instant. For a CreateSnapshots of a running instance whose
 * driver needs it, the instance's writes are held (freeze) while every volume is copied, then let go
 * (thaw) — the crash-consistency contract. There is no DiskStore yet, so the copies themselves hold
 * no bytes; the job keeps the order of steps a storage backend will plug into.
 */
export const takeSnapshots: JobHandler = {
  async run(job, env, finish) {
    const payload = job.payload as Ec2SnapshotsJob;
    const scope = jobScope(job);
    const instance = payload.instanceId ? await env.store.read((tx) => tx.ec2Instances.get(scope, payload.instanceId!)) : undefined;
    const freeze = instance?.state === "running" && env.driver.info().needsFreezeForSnapshot;
    if (freeze) await env.driver.freeze(instance.instanceId);
    try {
      // Point-in-time copy of every volume of the set happens here, while writes are held.
    } finally {
      if (freeze) await env.driver.thaw(instance.instanceId);
    }
    await finish(async (tx) => {
      const completionTime = env.clock.now();
      for (const id of payload.snapshotIds) {
        const s = await tx.ec2Snapshots.get(scope, id);
        if (s?.state === "pending") await tx.ec2Snapshots.update(scope, { ...s, state: "completed", progress: "100%", completionTime });
      }
    });
  },
  async fail(job, _env, _error, finish) {
    const payload = job.payload as Ec2SnapshotsJob;
    const scope = jobScope(job);
    // The set is managed together: if one copy fails, every snapshot of it is in error.
    await finish(async (tx) => {
      for (const id of payload.snapshotIds) {
        const s = await tx.ec2Snapshots.get(scope, id);
        if (s?.state === "pending") await tx.ec2Snapshots.update(scope, { ...s, state: "error" } satisfies SnapshotRecord);
      }
    });
  },
};

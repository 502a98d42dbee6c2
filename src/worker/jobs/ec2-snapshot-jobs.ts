import type { Scope } from "../../core/scope.js";
import type { SnapshotRecord } from "../../state/ec2-records.js";
import type { Tx } from "../../state/store.js";
import { jobOrigin, jobScope, type JobEnv, type JobHandler } from "../job.js";
import { EBS_PART } from "../storage.js";
import type { Ec2SnapshotsJob } from "./ec2-payloads.js";
import { enqueue } from "./kinds.js";

const COPIED = "vol-ffffffff";

/** The running instances writing to the snapshots' volumes: CreateSnapshots' instance, or the one each volume is attached to. */
async function writers(tx: Tx, scope: Scope, payload: Ec2SnapshotsJob, snapshots: SnapshotRecord[]): Promise<string[]> {
  const ids = new Set<string>(payload.instanceId ? [payload.instanceId] : []);
  for (const s of snapshots) {
    const attachedTo = (await tx.ec2Volumes.get(scope, s.volumeId))?.attachment?.instanceId;
    if (attachedTo) ids.add(attachedTo);
  }
  const running: string[] = [];
  for (const id of ids) if ((await tx.ec2Instances.get(scope, id))?.state === "running") running.push(id);
  return running;
}

/** Copies the set: snapshots of volumes all at one instant (writers held still), copies of snapshots part by part. */
async function copyAll(env: JobEnv, scope: Scope, payload: Ec2SnapshotsJob) {
  const { snapshots, instanceIds } = await env.store.read(async (tx) => {
    const found: SnapshotRecord[] = [];
    for (const id of payload.snapshotIds) {
      const s = await tx.ec2Snapshots.get(scope, id);
      if (s?.state === "pending") found.push(s);
    }
    return { snapshots: found, instanceIds: await writers(tx, scope, payload, found.filter((s) => !s.sourceSnapshotId)) };
  });
  const ofVolumes = snapshots.filter((s) => !s.sourceSnapshotId && s.volumeId !== COPIED);
  if (ofVolumes.length > 0) {
    await env.storage.takeSnapshot(ofVolumes.map((s) => ({ diskId: s.volumeId, to: { snapshotId: s.snapshotId, part: EBS_PART } })), instanceIds);
  }
  for (const s of snapshots) if (s.sourceSnapshotId) await env.storage.copySnapshot(s.sourceSnapshotId, s.snapshotId);
}

/**
 * Takes a set of EBS snapshots at one instant. For a CreateSnapshots of a running instance (or a
 * snapshot of a volume attached to one) the instance is frozen while every volume is copied, then
 * thawed, when the driver needs it — the crash-consistency contract. A snapshot deleted while it
 * was being taken has its copies removed again.
 */
export const takeSnapshots: JobHandler<Ec2SnapshotsJob> = {
  async run(job, env, finish) {
    const payload = job.payload;
    const scope = jobScope(job);
    await copyAll(env, scope, payload);
    await finish(async (tx) => {
      const completionTime = env.clock.now();
      for (const id of payload.snapshotIds) {
        const s = await tx.ec2Snapshots.get(scope, id);
        if (s?.state === "pending") await tx.ec2Snapshots.update(scope, { ...s, state: "completed", progress: "100%", completionTime });
        else if (!s && env.storage.holdsBytes) await enqueue(tx, jobOrigin(job), "ec2.snapshot.delete-data", { snapshotId: id }, completionTime);
      }
    });
  },
  async fail(job, _env, _error, finish) {
    const payload = job.payload;
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

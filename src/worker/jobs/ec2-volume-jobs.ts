import type { VolumeRecord } from "../../state/ec2-records.js";
import { attachOnce, detachIfAttached } from "../devices.js";
import { jobScope, type JobEnv, type JobHandler } from "../job.js";
import { EBS_PART } from "../storage.js";
import type { Ec2VolumeJob } from "./ec2-payloads.js";

type Step = (v: VolumeRecord, now: number, p: Ec2VolumeJob) => VolumeRecord | undefined;

/**
 * Background work on one EBS volume: `act` asks the driver or the storage for it (given the volume
 * as it is when the job starts, if it still exists), then `next` moves the record on.
 */
function volumeStep(act: (v: VolumeRecord, env: JobEnv, p: Ec2VolumeJob) => Promise<void>, next: Step, failed?: (v: VolumeRecord) => VolumeRecord | undefined): JobHandler<Ec2VolumeJob> {
  const settle = (pick: Step): JobHandler<Ec2VolumeJob>["run"] =>
    async (job, env, finish) => {
      const payload = job.payload;
      const scope = jobScope(job);
      await finish(async (tx) => {
        const v = await tx.ec2Volumes.get(scope, payload.volumeId);
        const changed = v && pick(v, env.clock.now(), payload);
        if (changed) await tx.ec2Volumes.update(scope, changed);
      });
    };
  return {
    async run(job, env, finish) {
      const payload = job.payload;
      const volume = await env.store.read((tx) => tx.ec2Volumes.get(jobScope(job), payload.volumeId));
      if (volume) await act(volume, env, payload);
      await settle(next)(job, env, finish);
    },
    fail: (job, env, _error, finish) => settle((v) => failed?.(v))(job, env, finish),
  };
}

/** EC2 accepts `xvdg` as well as `/dev/xvdg`; drivers take device paths. */
const devicePath = (device: string) => (device.startsWith("/dev/") ? device : `/dev/${device}`);

const attaching = (v: VolumeRecord, p: Ec2VolumeJob) => v.attachment?.state === "attaching" && v.attachment.instanceId === p.instanceId;
const detaching = (v: VolumeRecord, p: Ec2VolumeJob) => v.attachment?.state === "detaching" && v.attachment.instanceId === p.instanceId;

/** Removes the bytes of a deleted volume (DeleteVolume, or DeleteOnTermination). */
export const ec2VolumeDelete: JobHandler<Ec2VolumeJob> = {
  async run(job, env, finish) {
    await env.storage.deleteDisk(job.payload.volumeId);
    await finish(async () => {});
  },
  async fail(job, { log }, error, finish) {
    log.error("volume.delete", { volumeId: job.payload.volumeId, error: error.message });
    await finish(async () => {});
  },
};

/** Handlers by kind suffix (`ec2.volume.<step>`). */
export const ec2VolumeSteps = {
  create: volumeStep(
    (v, { storage }) => (v.snapshotId ? storage.restoreDisk({ snapshotId: v.snapshotId, part: EBS_PART }, v.volumeId, v.size) : storage.createDisk(v.volumeId, v.size)),
    (v) => (v.state === "creating" ? { ...v, state: "available" } : undefined),
    (v) => (v.state === "creating" ? { ...v, state: "error" } : undefined),
  ),
  attach: volumeStep(
    async (v, { driver }, p) => {
      if (attaching(v, p)) await attachOnce(driver, p.instanceId!, { diskId: v.volumeId, devicePath: devicePath(v.attachment!.device) });
    },
    (v, _now, p) => (attaching(v, p) ? { ...v, attachment: { ...v.attachment!, state: "attached" } } : undefined),
    (v) => (v.attachment?.state === "attaching" ? { ...v, state: "available", attachment: undefined } : undefined),
  ),
  detach: volumeStep(
    async (v, { driver }, p) => {
      if (detaching(v, p)) await detachIfAttached(driver, p.instanceId!, { diskId: v.volumeId, devicePath: devicePath(v.attachment!.device) });
    },
    (v, _now, p) => (detaching(v, p) ? { ...v, state: "available", attachment: undefined } : undefined),
    (v) => (v.attachment?.state === "detaching" ? { ...v, attachment: { ...v.attachment, state: "attached" } } : undefined),
  ),
  modify: volumeStep(
    async (v, { storage }) => {
      if (v.modification?.state === "modifying") await storage.growDisk(v.volumeId, v.modification.targetSize);
    },
    (v, now) => {
      const m = v.modification;
      if (!m || m.state !== "modifying") return undefined;
      return {
        ...v,
        size: m.targetSize, volumeType: m.targetVolumeType, iops: m.targetIops, throughput: m.targetThroughput,
        modification: { ...m, state: "completed", progress: 100, endTime: now },
      };
    },
  ),
  delete: ec2VolumeDelete,
};

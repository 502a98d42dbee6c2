import type { VolumeRecord } from "../../state/ec2-records.js";
import { jobScope, type JobHandler } from "../job.js";
import { EC2_JOBS, type Ec2VolumeJob } from "./ec2-payloads.js";

/**
 * Background work on one EBS volume. Nothing here calls a driver: volumes have no bytes yet (no
 * DiskStore), so each job only moves the volume on, at the Clock time the handler scheduled it for.
 */
function volumeStep(next: (v: VolumeRecord, now: number, p: Ec2VolumeJob) => VolumeRecord | undefined, failed?: (v: VolumeRecord) => VolumeRecord | undefined): JobHandler {
  const apply = (pick: (v: VolumeRecord, now: number, p: Ec2VolumeJob) => VolumeRecord | undefined): JobHandler["run"] =>
    async (job, env, finish) => {
      const payload = job.payload as Ec2VolumeJob;
      const scope = jobScope(job);
      await finish(async (tx) => {
        const v = await tx.ec2Volumes.get(scope, payload.volumeId);
        const changed = v && pick(v, env.clock.now(), payload);
        if (changed) await tx.ec2Volumes.update(scope, changed);
      });
    };
  return {
    run: apply(next),
    fail: (job, env, _error, finish) => apply((v) => failed?.(v))(job, env, finish),
  };
}

export const ec2VolumeJobs: Record<string, JobHandler> = {
  [EC2_JOBS.volumeCreate]: volumeStep(
    (v) => (v.state === "creating" ? { ...v, state: "available" } : undefined),
    (v) => (v.state === "creating" ? { ...v, state: "error" } : undefined),
  ),
  [EC2_JOBS.volumeAttach]: volumeStep((v, _now, p) =>
    v.attachment?.state === "attaching" && v.attachment.instanceId === p.instanceId ? { ...v, attachment: { ...v.attachment, state: "attached" } } : undefined,
  ),
  [EC2_JOBS.volumeDetach]: volumeStep((v, _now, p) =>
    v.attachment?.state === "detaching" && v.attachment.instanceId === p.instanceId ? { ...v, state: "available", attachment: undefined } : undefined,
  ),
  [EC2_JOBS.volumeModify]: volumeStep((v, now) => {
    const m = v.modification;
    if (!m || m.state !== "modifying") return undefined;
    return {
      ...v,
      size: m.targetSize, volumeType: m.targetVolumeType, iops: m.targetIops, throughput: m.targetThroughput,
      modification: { ...m, state: "completed", progress: 100, endTime: now },
    };
  }),
};

import type { Scope } from "../../core/scope.js";
import type { Ec2InstanceRecord, VolumeRecord } from "../../state/ec2-records.js";
import type { InstanceStateName } from "../../state/records.js";
import type { Tx } from "../../state/store.js";
import { jobScope, type JobEnv, type JobHandler } from "../job.js";
import { EC2_JOBS, type Ec2InstanceJob } from "./ec2-payloads.js";

type Settle = (tx: Tx, scope: Scope, record: Ec2InstanceRecord, now: number) => Promise<Ec2InstanceRecord>;

/**
 * Asks the driver for one change of an EC2 instance, then moves it from `from` to `to` (unless it
 * was moved on meanwhile) and lets `settle` adjust the record and its volumes.
 */
function ec2InstanceTransition(from: InstanceStateName, to: InstanceStateName, act: (p: Ec2InstanceJob, env: JobEnv) => Promise<void>, settle?: Settle): JobHandler {
  return {
    async run(job, env, finish) {
      const payload = job.payload as Ec2InstanceJob;
      const scope = jobScope(job);
      await act(payload, env);
      await finish(async (tx) => {
        const record = await tx.ec2Instances.get(scope, payload.instanceId);
        if (!record || record.state !== from) return;
        const moved = { ...record, state: to };
        await tx.ec2Instances.update(scope, settle ? await settle(tx, scope, moved, env.clock.now()) : moved);
      });
    },
    async fail(job, env, error, finish) {
      const payload = job.payload as Ec2InstanceJob;
      const scope = jobScope(job);
      await finish(async (tx) => {
        const record = await tx.ec2Instances.get(scope, payload.instanceId);
        if (!record || record.state !== from || from !== "pending") return;
        // A launch that never came up ends terminated, with the reason, as EC2 shows it.
        await tx.ec2Instances.update(scope, {
          ...record, state: "terminated", publicIpAddress: undefined,
          stateReason: { code: "Server.InternalError", message: `Server.InternalError: ${error.message}` },
        });
      });
    },
  };
}

/** Terminated: volumes marked DeleteOnTermination go, the others are detached and available again. */
const releaseVolumes: Settle = async (tx, scope, record) => {
  const attached: VolumeRecord[] = [];
  for await (const { record: v } of tx.ec2Volumes.scan(scope, { where: { instance_id: record.instanceId } })) attached.push(v);
  for (const v of attached) {
    if (v.attachment?.deleteOnTermination) await tx.ec2Volumes.delete(scope, v.volumeId);
    else await tx.ec2Volumes.update(scope, { ...v, state: "available", attachment: undefined });
  }
  return { ...record, publicIpAddress: undefined };
};

export const ec2InstanceJobs: Record<string, JobHandler> = {
  [EC2_JOBS.instanceRun]: ec2InstanceTransition("pending", "running", (p, { driver }) => driver.create(p.spec!)),
  [EC2_JOBS.instanceStart]: ec2InstanceTransition("pending", "running", (p, { driver }) => driver.start(p.instanceId)),
  [EC2_JOBS.instanceStop]: ec2InstanceTransition("stopping", "stopped", (p, { driver }) => driver.stop(p.instanceId, { force: !!p.force }),
    async (_tx, _scope, record) => ({ ...record, publicIpAddress: undefined })),
  [EC2_JOBS.instanceReboot]: ec2InstanceTransition("running", "running", (p, { driver }) => driver.reboot(p.instanceId)),
  [EC2_JOBS.instanceTerminate]: ec2InstanceTransition("shutting-down", "terminated", (p, { driver }) => driver.destroy(p.instanceId), releaseVolumes),
};

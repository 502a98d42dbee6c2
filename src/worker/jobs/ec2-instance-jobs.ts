import type { Scope } from "../../core/scope.js";
import type { Ec2InstanceRecord, VolumeRecord } from "../../state/ec2-records.js";
import type { InstanceStateName } from "../../state/records.js";
import type { Tx } from "../../state/store.js";
import { assignedAddresses } from "../devices.js";
import { jobScope, type JobEnv, type JobHandler } from "../job.js";
import { EC2_JOBS, type Ec2InstanceJob } from "./ec2-payloads.js";

type Settle = (tx: Tx, scope: Scope, record: Ec2InstanceRecord, now: number) => Promise<Ec2InstanceRecord>;
type Patch = Partial<Pick<Ec2InstanceRecord, "privateIpAddress" | "publicIpAddress">> | undefined | void;

/**
 * Asks the driver for one change of an EC2 instance, then moves it from `from` to `to` (unless it
 * was moved on meanwhile) with what `act` learnt (its real addresses), and lets `settle` adjust
 * the record and its volumes.
 */
function ec2InstanceTransition(
  from: InstanceStateName,
  to: InstanceStateName,
  act: (p: Ec2InstanceJob, env: JobEnv, scope: Scope) => Promise<Patch>,
  settle?: Settle,
): JobHandler {
  return {
    async run(job, env, finish) {
      const payload = job.payload as Ec2InstanceJob;
      const scope = jobScope(job);
      const patch = await act(payload, env, scope);
      await finish(async (tx) => {
        const record = await tx.ec2Instances.get(scope, payload.instanceId);
        if (!record || record.state !== from) return;
        const moved = { ...record, ...patch, state: to };
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

async function attachedVolumes(tx: Tx, scope: Scope, instanceId: string): Promise<VolumeRecord[]> {
  const attached: VolumeRecord[] = [];
  for await (const { record: v } of tx.ec2Volumes.scan(scope, { where: { instance_id: instanceId } })) attached.push(v);
  return attached;
}

/** Terminated: volumes marked DeleteOnTermination go (their bytes too), the others are detached and available again. */
const releaseVolumes: Settle = async (tx, scope, record, now) => {
  for (const v of await attachedVolumes(tx, scope, record.instanceId)) {
    if (v.attachment?.deleteOnTermination) {
      await tx.ec2Volumes.delete(scope, v.volumeId);
      await tx.jobs.enqueue(scope, EC2_JOBS.volumeDelete, { volumeId: v.volumeId }, now);
    } else {
      await tx.ec2Volumes.update(scope, { ...v, state: "available", attachment: undefined });
    }
  }
  return { ...record, publicIpAddress: undefined };
};

const addresses = (env: JobEnv, instanceId: string) => assignedAddresses(env.driver, instanceId, true);

/** The driver removes an instance with its system disk; a root volume that outlives the instance is kept aside meanwhile. */
async function terminate(p: Ec2InstanceJob, env: JobEnv, scope: Scope) {
  const volumes = await env.store.read((tx) => attachedVolumes(tx, scope, p.instanceId));
  const instance = await env.store.read((tx) => tx.ec2Instances.get(scope, p.instanceId));
  const keptRoot = volumes.find((v) => v.attachment?.device === instance?.rootDeviceName && !v.attachment?.deleteOnTermination);
  if (!keptRoot) return env.driver.destroy(p.instanceId);
  // the root volume keeps what the instance wrote until it stopped
  if (env.storage.holdsBytes && (await env.driver.status(p.instanceId)) === "running") await env.driver.stop(p.instanceId, { force: false });
  await env.storage.keepDisk(keptRoot.volumeId, () => env.driver.destroy(p.instanceId));
}

export const ec2InstanceJobs: Record<string, JobHandler> = {
  [EC2_JOBS.instanceRun]: ec2InstanceTransition("pending", "running", async (p, env) => {
    await env.storage.prepareBootDisks(p.bootDisks ?? []);
    await env.driver.create(p.spec!);
    return addresses(env, p.instanceId);
  }),
  [EC2_JOBS.instanceStart]: ec2InstanceTransition("pending", "running", async (p, env) => {
    await env.driver.start(p.instanceId);
    return addresses(env, p.instanceId);
  }),
  [EC2_JOBS.instanceStop]: ec2InstanceTransition("stopping", "stopped", (p, { driver }) => driver.stop(p.instanceId, { force: !!p.force }),
    async (_tx, _scope, record) => ({ ...record, publicIpAddress: undefined })),
  [EC2_JOBS.instanceReboot]: ec2InstanceTransition("running", "running", (p, { driver }) => driver.reboot(p.instanceId)),
  [EC2_JOBS.instanceTerminate]: ec2InstanceTransition("shutting-down", "terminated", terminate, releaseVolumes),
};

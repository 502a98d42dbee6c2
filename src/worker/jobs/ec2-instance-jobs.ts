import type { InstanceSpec, PortRule } from "../../compute/driver.js";
import type { Scope } from "../../core/scope.js";
import type { Ec2InstanceRecord, VolumeRecord } from "../../state/ec2-records.js";
import type { InstanceStateName } from "../../state/records.js";
import type { Tx } from "../../state/store.js";
import { assignedAddresses } from "../devices.js";
import { jobOrigin, jobScope, type JobEnv, type JobHandler, type JobOrigin } from "../job.js";
import type { Ec2InstanceJob, Ec2RunJob } from "./ec2-payloads.js";
import { enqueue } from "./kinds.js";

type Settle = (tx: Tx, origin: JobOrigin, record: Ec2InstanceRecord, now: number) => Promise<Ec2InstanceRecord>;
type Patch = Partial<Pick<Ec2InstanceRecord, "privateIpAddress" | "publicIpAddress">> | undefined | void;

/**
 * Asks the driver for one change of an EC2 instance, then moves it from `from` to `to` (unless it
 * was moved on meanwhile) with what `act` learnt (its real addresses), and lets `settle` adjust
 * the record and its volumes.
 */
function ec2InstanceTransition<P extends { instanceId: string }>(
  from: InstanceStateName,
  to: InstanceStateName,
  act: (p: P, env: JobEnv, scope: Scope) => Promise<Patch>,
  settle?: Settle,
): JobHandler<P> {
  return {
    async run(job, env, finish) {
      const payload = job.payload;
      const scope = jobScope(job);
      const patch = await act(payload, env, scope);
      await finish(async (tx) => {
        const record = await tx.ec2Instances.get(scope, payload.instanceId);
        if (!record || record.state !== from) return;
        const moved = { ...record, ...patch, state: to };
        await tx.ec2Instances.update(scope, settle ? await settle(tx, jobOrigin(job), moved, env.clock.now()) : moved);
      });
    },
    async fail(job, env, error, finish) {
      const payload = job.payload;
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
const releaseVolumes: Settle = async (tx, origin, record, now) => {
  const scope = jobScope(origin);
  for (const v of await attachedVolumes(tx, scope, record.instanceId)) {
    if (v.attachment?.deleteOnTermination) {
      await tx.ec2Volumes.delete(scope, v.volumeId);
      await enqueue(tx, origin, "ec2.volume.delete", { volumeId: v.volumeId }, now);
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

/** Skiff has no security groups: an instance's SSH port is open, as a launch wizard's default group opens it (GAPS.md). */
const SSH_OPEN: PortRule[] = [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrs: ["0.0.0.0/0"] }];

/** The driver's spec of a RunInstances machine, built when the job runs. */
export const runSpec = (p: Ec2RunJob): InstanceSpec => ({
  id: p.instanceId, hostname: p.hostname, image: p.baseImage, cpuCount: p.vcpus, memoryMiB: p.memoryMiB, systemDiskGiB: p.rootSizeGiB,
  userData: p.userData, username: p.username, publicKey: p.publicKey, systemDiskId: p.rootVolumeId,
  disks: p.dataVolumes.map((v) => ({ diskId: v.volumeId, devicePath: v.device })), ports: SSH_OPEN,
});

/** The InstanceSpec fields that older RunInstances rows held (their shape then, apart from the driver's type now). */
interface OldRunSpec {
  id: string;
  hostname: string;
  image: string;
  cpuCount: number;
  memoryMiB: number;
  systemDiskGiB: number;
  userData?: string;
  username?: string;
  publicKey?: string;
  systemDiskId?: string;
  disks?: { diskId: string; devicePath: string }[];
}

/**
 * A queued RunInstances row from before Ec2RunJob held the driver's InstanceSpec as `spec`: read
 * as the payload it stands for, so that a database with such a job still launches it.
 */
export function upgradeRunJob(raw: Record<string, unknown>): Ec2RunJob {
  if (!raw.spec) return raw as unknown as Ec2RunJob;
  const spec = raw.spec as OldRunSpec;
  return {
    instanceId: spec.id, hostname: spec.hostname, baseImage: spec.image, username: spec.username ?? "", vcpus: spec.cpuCount, memoryMiB: spec.memoryMiB,
    rootVolumeId: spec.systemDiskId ?? spec.id, rootSizeGiB: spec.systemDiskGiB, dataVolumes: (spec.disks ?? []).map((d) => ({ volumeId: d.diskId, device: d.devicePath })),
    userData: spec.userData ?? "", publicKey: spec.publicKey, bootDisks: (raw.bootDisks as Ec2RunJob["bootDisks"] | undefined) ?? [],
  };
}

export const ec2InstanceRun = ec2InstanceTransition<Ec2RunJob>("pending", "running", async (p, env) => {
  await env.storage.prepareBootDisks(p.bootDisks);
  await env.driver.create(runSpec(p));
  return addresses(env, p.instanceId);
});
export const ec2InstanceStart = ec2InstanceTransition<Ec2InstanceJob>("pending", "running", async (p, env) => {
  await env.driver.start(p.instanceId);
  return addresses(env, p.instanceId);
});
export const ec2InstanceStop = ec2InstanceTransition<Ec2InstanceJob>("stopping", "stopped", (p, { driver }) => driver.stop(p.instanceId, { force: !!p.force }),
  async (_tx, _origin, record) => ({ ...record, publicIpAddress: undefined }));
export const ec2InstanceReboot = ec2InstanceTransition<Ec2InstanceJob>("running", "running", (p, { driver }) => driver.reboot(p.instanceId));
export const ec2InstanceTerminate = ec2InstanceTransition<Ec2InstanceJob>("shutting-down", "terminated", terminate, releaseVolumes);

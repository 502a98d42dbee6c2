import type { JobHandler } from "../job.js";
import { autoSnapshotJob } from "./auto-snapshot.js";
import { diskSteps } from "./disk-jobs.js";
import { ec2InstanceReboot, ec2InstanceRun, ec2InstanceStart, ec2InstanceStop, ec2InstanceTerminate, upgradeRunJob } from "./ec2-instance-jobs.js";
import { takeSnapshots } from "./ec2-snapshot-jobs.js";
import { ec2VolumeSteps } from "./ec2-volume-jobs.js";
import { instanceDestroy } from "./instance-destroy.js";
import { instancePortsJob } from "./instance-ports.js";
import { bootedAddresses, createMachine, instanceSpec, instanceTransition, type InstanceCreatePayload, type InstanceStopPayload } from "./instance-transition.js";
import type { JobKind, JobPayloads } from "./kinds.js";
import { metadataOptionsApplied } from "./metadata-options.js";
import { restoreInstanceJob, type RestorePayload } from "./restore-instance.js";
import { createDiskSnapshot, createInstanceSnapshot, deleteSnapshotData } from "./snapshot-jobs.js";
import { stopIdleJob } from "./stop-idle.js";

/** One kind of job: what runs it, and what it works on (the `resource` of its log lines). */
export interface JobDef<P> {
  handler: JobHandler<P>;
  resource(payload: P): string;
  /**
   * Reads a row queued by an older Skiff whose payload had another shape (before the envelope,
   * rows held bare payloads; some held the driver's InstanceSpec). Without it the bare payload is
   * taken as it is.
   */
  upgrade?(raw: Record<string, unknown>): P;
}

export type JobCatalogue = { [K in JobKind]: JobDef<JobPayloads[K]> };

const byName = (p: { name: string }) => p.name;
const byInstance = (p: { instanceId: string }) => p.instanceId;
const byVolume = (p: { volumeId: string }) => p.volumeId;
const bySnapshot = (p: { snapshotId: string }) => p.snapshotId;

/** Old create and restore rows carried the driver's InstanceSpec: only its public key is still needed. */
function withoutSpec<P extends InstanceCreatePayload>(raw: Record<string, unknown>): P {
  const { spec, ...rest } = raw as { spec?: { publicKey?: string } } & Record<string, unknown>;
  return { ...rest, ...(rest.publicKey === undefined && spec?.publicKey ? { publicKey: spec.publicKey } : {}) } as unknown as P;
}

/** Old stop rows could leave `force` out. */
const withForce = (raw: Record<string, unknown>): InstanceStopPayload => ({ ...(raw as unknown as InstanceStopPayload), force: raw.force === true });

/**
 * Every job kind and what runs it: the job catalogue. A kind declared in kinds.ts without an entry
 * here, or an entry whose handler takes another payload, does not compile.
 */
export const jobCatalogue: JobCatalogue = {
  "lightsail.instance.create": {
    handler: instanceTransition<InstanceCreatePayload>("pending", "running", (p, env, record, scope) => createMachine(env, scope, p.name, instanceSpec(record, p.publicKey), record), "stopped"),
    resource: byName,
    upgrade: withoutSpec,
  },
  "lightsail.instance.restore": { handler: restoreInstanceJob, resource: byName, upgrade: withoutSpec<RestorePayload> },
  "lightsail.instance.start": {
    handler: instanceTransition("pending", "running", async (p, env, record) => {
      await env.driver.start(p.computeId);
      return bootedAddresses(env, record);
    }, "stopped"),
    resource: byName,
  },
  "lightsail.instance.stop": {
    handler: instanceTransition<InstanceStopPayload>("stopping", "stopped", (p, { driver }) => driver.stop(p.computeId, { force: p.force }), "running"),
    resource: byName,
    upgrade: withForce,
  },
  "lightsail.instance.reboot": { handler: instanceTransition("running", "running", (p, { driver }) => driver.reboot(p.computeId)), resource: byName },
  "lightsail.instance.delete": { handler: instanceDestroy, resource: byName },
  "lightsail.instance.metadata-options": { handler: metadataOptionsApplied, resource: byName },
  "lightsail.instance.ports": { handler: instancePortsJob, resource: byName },
  "lightsail.disk.create": { handler: diskSteps.create, resource: byName },
  "lightsail.disk.attach": { handler: diskSteps.attach, resource: byName },
  "lightsail.disk.detach": { handler: diskSteps.detach, resource: byName },
  "lightsail.disk.destroy": { handler: diskSteps.destroy, resource: byName },
  "lightsail.instance-snapshot.create": { handler: createInstanceSnapshot, resource: byName },
  "lightsail.disk-snapshot.create": { handler: createDiskSnapshot, resource: byName },
  "lightsail.snapshot.delete-data": { handler: deleteSnapshotData, resource: bySnapshot },
  "lightsail.addon.auto-snapshot": { handler: autoSnapshotJob, resource: (p) => p.resourceName },
  "lightsail.addon.stop-idle": { handler: stopIdleJob, resource: (p) => p.instanceName },
  "ec2.instance.run": { handler: ec2InstanceRun, resource: byInstance, upgrade: upgradeRunJob },
  "ec2.instance.start": { handler: ec2InstanceStart, resource: byInstance },
  "ec2.instance.stop": { handler: ec2InstanceStop, resource: byInstance },
  "ec2.instance.reboot": { handler: ec2InstanceReboot, resource: byInstance },
  "ec2.instance.terminate": { handler: ec2InstanceTerminate, resource: byInstance },
  "ec2.volume.create": { handler: ec2VolumeSteps.create, resource: byVolume },
  "ec2.volume.attach": { handler: ec2VolumeSteps.attach, resource: byVolume },
  "ec2.volume.detach": { handler: ec2VolumeSteps.detach, resource: byVolume },
  "ec2.volume.modify": { handler: ec2VolumeSteps.modify, resource: byVolume },
  "ec2.volume.delete": { handler: ec2VolumeSteps.delete, resource: byVolume },
  "ec2.snapshots.take": { handler: takeSnapshots, resource: (p) => p.snapshotIds.join(",") },
  "ec2.snapshot.delete-data": { handler: deleteSnapshotData, resource: bySnapshot },
};

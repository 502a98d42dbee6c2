import type { Tx } from "../../state/store.js";
import type { JobOrigin } from "../job.js";
import type { AutoSnapshotJobPayload } from "./auto-snapshot.js";
import type { DiskJobPayload } from "./disk-jobs.js";
import type { Ec2InstanceJob, Ec2RunJob, Ec2SnapshotsJob, Ec2VolumeJob } from "./ec2-payloads.js";
import type { InstancePortsPayload } from "./instance-ports.js";
import type { InstanceCreatePayload, InstanceJobPayload, InstanceStopPayload } from "./instance-transition.js";
import type { RestorePayload } from "./restore-instance.js";
import type { SnapshotDataJob, SnapshotJobPayload } from "./snapshot-jobs.js";
import type { StopIdlePayload } from "./stop-idle.js";

/**
 * Every kind of background job, named `<service>.<resource>.<action>`, with what its row carries.
 * Payloads are Skiff's own values (names, ids, sizes, operation ids): never a driver's types, so
 * that a job row does not make the driver interface an on-disk format. The handler of each kind
 * is in catalogue.ts, which fails to compile while a kind has none.
 */
export interface JobPayloads {
  "lightsail.instance.create": InstanceCreatePayload;
  "lightsail.instance.restore": RestorePayload;
  "lightsail.instance.start": InstanceJobPayload;
  "lightsail.instance.stop": InstanceStopPayload;
  "lightsail.instance.reboot": InstanceJobPayload;
  /** Destroys a deleted instance's machine. */
  "lightsail.instance.delete": InstanceJobPayload;
  "lightsail.instance.metadata-options": InstanceJobPayload;
  "lightsail.instance.ports": InstancePortsPayload;
  "lightsail.disk.create": DiskJobPayload;
  "lightsail.disk.attach": DiskJobPayload;
  "lightsail.disk.detach": DiskJobPayload;
  "lightsail.disk.destroy": DiskJobPayload;
  "lightsail.instance-snapshot.create": SnapshotJobPayload;
  "lightsail.disk-snapshot.create": SnapshotJobPayload;
  /** Removes the copies of a deleted Lightsail snapshot: instance, disk or automatic. */
  "lightsail.snapshot.delete-data": SnapshotDataJob;
  "lightsail.addon.auto-snapshot": AutoSnapshotJobPayload;
  "lightsail.addon.stop-idle": StopIdlePayload;
  "ec2.instance.run": Ec2RunJob;
  "ec2.instance.start": Ec2InstanceJob;
  "ec2.instance.stop": Ec2InstanceJob;
  "ec2.instance.reboot": Ec2InstanceJob;
  "ec2.instance.terminate": Ec2InstanceJob;
  "ec2.volume.create": Ec2VolumeJob;
  "ec2.volume.attach": Ec2VolumeJob;
  "ec2.volume.detach": Ec2VolumeJob;
  "ec2.volume.modify": Ec2VolumeJob;
  /** Removes the bytes of a deleted volume (DeleteVolume, or DeleteOnTermination). */
  "ec2.volume.delete": Ec2VolumeJob;
  "ec2.snapshots.take": Ec2SnapshotsJob;
  /** Removes the copies of a deleted EBS snapshot (DeleteSnapshot, or one deleted while it was taken). */
  "ec2.snapshot.delete-data": SnapshotDataJob;
}

export type JobKind = keyof JobPayloads;

/**
 * What a job row's payload column holds: the kind's payload and the request that queued it. Rows
 * written before the envelope hold the bare payload (see `openEnvelope`).
 */
export interface JobEnvelope<P> {
  envelope: 1;
  requestId?: string;
  data: P;
}

/**
 * Queues a job of `kind` in the caller's transaction. The payload's type follows from the kind,
 * so a wrong kind or payload does not compile. `origin` is the handler's RequestContext (its
 * request id goes with the job, into every log line of it) or, for a job that a job queues, that
 * job's `jobOrigin`.
 */
export function enqueue<K extends JobKind>(
  tx: Tx, origin: JobOrigin, kind: K, payload: JobPayloads[K], runAt: number, options?: { recurring?: boolean },
): Promise<number> {
  const envelope: JobEnvelope<JobPayloads[K]> = { envelope: 1, ...(origin.requestId ? { requestId: origin.requestId } : {}), data: payload };
  return tx.jobs.enqueue({ account: origin.account, region: origin.region }, kind, { ...envelope }, runAt, options);
}

/** The payload and request id of a row; a row from before the envelope is its payload, with no request id. */
export function openEnvelope(raw: Record<string, unknown>): { requestId?: string; data: Record<string, unknown>; legacy: boolean } {
  if (raw.envelope === 1 && typeof raw.data === "object" && raw.data !== null) {
    return { requestId: typeof raw.requestId === "string" ? raw.requestId : undefined, data: raw.data as Record<string, unknown>, legacy: false };
  }
  return { data: raw, legacy: true };
}

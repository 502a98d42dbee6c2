import type { InstanceSpec } from "../../compute/driver.js";
import type { BootDisk } from "../storage.js";

/** EC2 job kinds and what their payloads carry. Handlers enqueue by these names. */
export const EC2_JOBS = {
  instanceRun: "ec2.instance.run",
  instanceStart: "ec2.instance.start",
  instanceStop: "ec2.instance.stop",
  instanceReboot: "ec2.instance.reboot",
  instanceTerminate: "ec2.instance.terminate",
  volumeCreate: "ec2.volume.create",
  volumeAttach: "ec2.volume.attach",
  volumeDetach: "ec2.volume.detach",
  volumeModify: "ec2.volume.modify",
  volumeDelete: "ec2.volume.delete",
  snapshotsTake: "ec2.snapshots.take",
} as const;

export interface Ec2InstanceJob {
  instanceId: string;
  spec?: InstanceSpec;
  /** RunInstances: the data volumes to make (empty, or from a snapshot) before the instance boots with them. */
  bootDisks?: BootDisk[];
  force?: boolean;
  [key: string]: unknown;
}

export interface Ec2VolumeJob {
  volumeId: string;
  instanceId?: string;
  [key: string]: unknown;
}

/**
 * Snapshots to take at one instant: all volumes of a CreateSnapshots call (the instance's writes
 * held while the copies are made), or one volume, or a copy of another snapshot.
 */
export interface Ec2SnapshotsJob {
  snapshotIds: string[];
  instanceId?: string;
  [key: string]: unknown;
}

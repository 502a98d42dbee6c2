import type { BootDisk } from "../storage.js";

/** What EC2 instance, volume and snapshot jobs carry (their kinds: kinds.ts). */
export interface Ec2InstanceJob {
  instanceId: string;
  force?: boolean;
}

/**
 * RunInstances: what the machine is made of, as Skiff's own values; the job builds the driver's
 * spec from them when it runs.
 */
export interface Ec2RunJob {
  instanceId: string;
  hostname: string;
  /** The AMI's base image (a blueprint id the driver has an image of). */
  baseImage: string;
  username: string;
  vcpus: number;
  memoryMiB: number;
  rootVolumeId: string;
  rootSizeGiB: number;
  /** The data volumes at their devices, in launch order. */
  dataVolumes: { volumeId: string; device: string }[];
  /** Decoded user data. */
  userData: string;
  publicKey?: string;
  /** The data volumes to make (empty, or from a snapshot) before the instance boots with them. */
  bootDisks: BootDisk[];
}

export interface Ec2VolumeJob {
  volumeId: string;
  instanceId?: string;
}

/**
 * Snapshots to take at one instant: all volumes of a CreateSnapshots call (the instance's writes
 * held while the copies are made), or one volume, or a copy of another snapshot.
 */
export interface Ec2SnapshotsJob {
  snapshotIds: string[];
  instanceId?: string;
}

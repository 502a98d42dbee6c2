/**
 * Runs instances. Drivers know nothing of Lightsail, EC2 or the database: they get a stable id
 * and a spec, and only the worker calls them (ARCHITECTURE rule 1).
 */
export interface InstanceSpec {
  id: string;
  hostname: string;
  image: string;
  cpuCount: number;
  memoryMiB: number;
  systemDiskGiB: number;
  userData: string;
  username: string;
  publicKey?: string;
  /** Boot from this snapshot's copy of a system disk instead of the image. */
  fromSnapshot?: string;
}

/** Which disks a snapshot copies: an instance's system disk (with `instanceId`) and block disks by id. */
export interface SnapshotSpec {
  instanceId?: string;
  diskIds: string[];
}

/** A disk to copy out of a snapshot: a block disk's id, or SYSTEM_DISK for the system disk. */
export interface SnapshotPart {
  snapshotId: string;
  part: string;
}

export const SYSTEM_DISK = "system";

export interface DriverInfo {
  /** Snapshots of a running instance need its processes frozen first. */
  needsFreezeForSnapshot: boolean;
  /** Instances are real processes that survive or die with the host. */
  realInstances: boolean;
}

export interface ComputeDriver {
  readonly name: string;
  info(): DriverInfo;
  /** Provisions and boots an instance; calling it again for the same id is harmless. */
  create(spec: InstanceSpec): Promise<void>;
  start(id: string): Promise<void>;
  stop(id: string, options: { force: boolean }): Promise<void>;
  reboot(id: string): Promise<void>;
  /**
   * Holds every write of a running instance (and flushes it) so that copies of all its disks are
   * taken at one instant; `thaw` lets it go on. Called only when `needsFreezeForSnapshot`.
   */
  freeze(id: string): Promise<void>;
  thaw(id: string): Promise<void>;
  /** Removes everything of an instance; unknown ids are ignored. */
  destroy(id: string): Promise<void>;
  /** Makes a block disk, empty or copied from a snapshot part; calling it again for the same id is harmless. */
  createDisk(id: string, sizeGiB: number, from?: SnapshotPart): Promise<void>;
  attachDisk(instanceId: string, diskId: string, path: string): Promise<void>;
  detachDisk(instanceId: string, diskId: string): Promise<void>;
  /** Removes a block disk; unknown ids are ignored. */
  destroyDisk(id: string): Promise<void>;
  /**
   * Copies the listed disks at one point in time (crash-consistent across them), under `snapshotId`.
   * A running instance is frozen around the copy when `info().needsFreezeForSnapshot`.
   */
  snapshot(snapshotId: string, spec: SnapshotSpec): Promise<void>;
  /** Removes a snapshot's copies; unknown ids are ignored. */
  deleteSnapshot(snapshotId: string): Promise<void>;
  /** Average CPU use of an instance, in percent of its CPUs, since the previous call. */
  cpuUtilization(id: string): Promise<number>;
  /** Removes every instance (the admin reset). Calls under way may be interrupted: they reject. */
  reset(): Promise<void>;
  /**
   * Releases the driver when Skiff stops. Calls under way may be interrupted (they reject); their
   * jobs stay claimed and run again on the next start, which is why every call must be repeatable.
   */
  close(): Promise<void>;
}


/**
 * Runs instances. Drivers know nothing of Lightsail, EC2 or the database: they get a stable id
 * and a spec, and only the worker calls them (ARCHITECTURE rule 1).
 */
export interface InstanceSpec {
  id: string;
  hostname: string;
  /** Blueprint id: which local image the system disk starts from. */
  image: string;
  cpuCount: number;
  memoryMiB: number;
  systemDiskGiB: number;
  userData: string;
  username: string;
  publicKey?: string;
  /**
   * Store id of the system disk. When that disk exists (a restore from a snapshot) it is booted
   * as it is, grown to `systemDiskGiB`; otherwise it is made from the image. Default:
   * `systemDiskId(id)`.
   */
  systemDiskId?: string;
  /** Disks attached from the first boot. */
  disks?: AttachedDisk[];
  /** Public ports open from the first boot (see `setPublicPorts`). */
  ports?: PortRule[];
}

/** A disk of the driver's store, seen by the instance as a block device at `devicePath`. */
export interface AttachedDisk {
  diskId: string;
  devicePath: string;
}

export type InstanceStatus = "running" | "stopped" | "absent";

export interface InstanceAddresses {
  privateIpAddress: string;
  publicIpAddress: string;
}

/** One open public port range; `cidrs` are the IPv4 sources allowed (literally: [] allows none). */
export interface PortRule {
  protocol: "tcp" | "udp" | "all" | "icmp" | "icmpv6";
  fromPort: number;
  toPort: number;
  cidrs: string[];
}

export interface FreezeOptions {
  /** Flush and freeze the instances' file systems too (default true). */
  filesystems?: boolean;
}

/** A file to clone (absolute paths; the target must not exist). */
export interface FileClone {
  source: string;
  target: string;
}

export interface FreezeReport {
  /** How long it took until every process was stopped (a process in a system call stops when it returns). */
  quiesceMs: number;
}

export interface ThawReport {
  /** How long processes were held frozen, measured by the host beside the freezer (if it can). */
  frozenMs?: number;
}

export interface DriverInfo {
  /** Snapshots of a running instance need its processes frozen first (`freeze`/`thaw`). */
  needsFreezeForSnapshot: boolean;
  /** Instances are real processes that survive or die with the host. */
  realInstances: boolean;
  /** The driver chooses instance addresses and they are reachable (the sim's are made up by the caller). */
  assignsAddresses: boolean;
}

/** A caller's mistake the driver refuses (unknown instance, device path taken, missing disk). */
export class DriverError extends Error {
  override name = "DriverError";
}

export const SYSTEM_DEVICE = "/dev/xvda";
export const systemDiskId = (instanceId: string) => `${instanceId}.root`;

export interface ComputeDriver {
  readonly name: string;
  info(): DriverInfo;
  /** Blueprint ids that have a local image, or undefined when any blueprint works (sim). */
  images(): Promise<string[] | undefined>;
  /**
   * Provisions and boots an instance; calling it again for the same id is harmless. When
   * `info().assignsAddresses`, `addresses(id)` then tells the instance's real addresses.
   */
  create(spec: InstanceSpec): Promise<void>;
  start(id: string): Promise<void>;
  stop(id: string, options: { force: boolean }): Promise<void>;
  reboot(id: string): Promise<void>;
  /** Removes everything of an instance but its attached disks; unknown ids are ignored. */
  destroy(id: string): Promise<void>;
  status(id: string): Promise<InstanceStatus>;
  /** The instance's addresses when the driver assigns them (else undefined). */
  addresses(id: string): Promise<InstanceAddresses | undefined>;
  /** Replaces the instance's open public ports: only these are reachable on its public address. */
  setPublicPorts(id: string, rules: PortRule[]): Promise<void>;
  /** Attaches a disk; on a running instance it appears at once, else at the next start. */
  attachDisk(id: string, disk: AttachedDisk): Promise<void>;
  detachDisk(id: string, devicePath: string): Promise<void>;
  /** The instance's disks, its system disk first (at SYSTEM_DEVICE). */
  instanceDisks(id: string): Promise<AttachedDisk[]>;
  /**
   * Stops every process of these instances (nothing they write can land between copies of their
   * disks taken before `thaw`), and with `filesystems` also flushes and freezes their file
   * systems (needed when a copy is not taken at one instant, as a plain copy is not). Stopped
   * instances are skipped.
   */
  freeze(ids: string[], options?: FreezeOptions): Promise<FreezeReport>;
  thaw(ids: string[]): Promise<ThawReport>;
  /**
   * Optional: freeze the instances, clone each file (FICLONE, a new target) and thaw, in one step
   * beside the freezer, so the freeze window holds no round trip to Skiff. Used with a store's
   * `planClones`; file systems are not frozen (clones are taken at one instant).
   */
  cloneWhileFrozen?(ids: string[], files: FileClone[]): Promise<FreezeReport & ThawReport>;
  /** CPU time the instance has used since it booted, or undefined when it is not running. */
  cpuSeconds(id: string): Promise<number | undefined>;
  /** Removes every instance, and every disk of its store but blueprint images (the admin reset). Calls under way may be interrupted: they reject. */
  reset(): Promise<void>;
  /**
   * Lets go of the driver (not of the disk store it was given: its opener closes that); instances that run go on running and are adopted by the next open.
   * Calls under way may be interrupted (they reject); their jobs stay claimed and run again on the
   * next start, which is why every call must be repeatable.
   */
  close(): Promise<void>;
}

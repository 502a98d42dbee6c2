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
}

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
  /** Removes everything of an instance; unknown ids are ignored. */
  destroy(id: string): Promise<void>;
  /** Removes every instance (the admin reset). Calls under way may be interrupted: they reject. */
  reset(): Promise<void>;
  /**
   * Releases the driver when Skiff stops. Calls under way may be interrupted (they reject); their
   * jobs stay claimed and run again on the next start, which is why every call must be repeatable.
   */
  close(): Promise<void>;
}


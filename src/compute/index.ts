import type { Clock } from "../core/clock.js";
import type { Logger } from "../core/log.js";
import { openDiskStore, type StorageKind } from "../storage/index.js";
import type { ComputeDriver } from "./driver.js";
import { createLinuxDriver } from "./linux/linux-driver.js";
import { linuxDefaults, type LinuxDriverOptions } from "./linux/options.js";
import { createSimDriver } from "./sim/sim-driver.js";

export interface DriverOptions {
  clock: Clock;
  transitionMs: number;
  dataDir: string;
  log?: Logger;
  /** Disk store of drivers whose disks hold bytes (linux). */
  storage?: StorageKind;
  /** Size of the XFS reflink pool to make when the data directory has no reflink (0: none). */
  xfsPoolGiB?: number;
  /** Overrides of the linux driver's host names and networks (tests run several side by side). */
  linux?: Partial<Omit<LinuxDriverOptions, "dataDir">>;
}

/** Compute drivers by name (STYLE: registries are tables). */
export const computeDrivers: Record<string, (options: DriverOptions) => Promise<ComputeDriver>> = {
  sim: async (o) => createSimDriver(o),
  linux: async (o) => {
    const store = await openDiskStore({ dataDir: o.dataDir, kind: o.storage ?? "auto", xfsPoolGiB: o.xfsPoolGiB ?? 0, log: o.log });
    try {
      return await createLinuxDriver({ ...linuxDefaults, ...o.linux, dataDir: o.dataDir }, store, o.log);
    } catch (e) {
      await store.close();
      throw e;
    }
  },
};

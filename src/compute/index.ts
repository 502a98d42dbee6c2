import type { Clock } from "../core/clock.js";
import type { ComputeDriver } from "./driver.js";
import { createSimDriver } from "./sim/sim-driver.js";

export interface DriverOptions {
  clock: Clock;
  transitionMs: number;
  dataDir: string;
}

/** Compute drivers by name (STYLE: registries are tables). */
export const computeDrivers: Record<string, (options: DriverOptions) => Promise<ComputeDriver>> = {
  sim: async (o) => createSimDriver(o),
};

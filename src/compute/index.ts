import { linuxDriver } from "./linux/module.js";
import type { DriverModule } from "./module.js";
import { simDriver } from "./sim/module.js";

/** Compute drivers by name (STYLE: registries are tables). */
export const computeDrivers: ReadonlyMap<string, DriverModule> = new Map<string, DriverModule>([
  ["sim", simDriver],
  ["linux", linuxDriver],
]);

/** The driver module of that name, or an error that lists the choices. */
export function driverModule(name: string): DriverModule {
  const module = computeDrivers.get(name);
  if (!module) throw new Error(`unknown driver '${name}'; choose one of ${[...computeDrivers.keys()].join(", ")}`);
  return module;
}

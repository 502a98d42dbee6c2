import { driverOptionsSpec, type DriverModule } from "../module.js";
import { createSimDriver } from "./sim-driver.js";

/** The sim driver: Clock timers only; no options of its own, no disk bytes. */
export const simDriver: DriverModule = {
  storesDiskBytes: false,
  realInstances: false,
  options: driverOptionsSpec("sim", {}, {}, () => undefined),
  commands: {},
  async create({ clock, transitionMs }, given) {
    simDriver.options.check(given);
    return createSimDriver({ clock, transitionMs });
  },
};

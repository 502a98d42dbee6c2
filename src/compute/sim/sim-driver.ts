import type { Clock } from "../../core/clock.js";
import type { ComputeDriver } from "../driver.js";

/**
 * Simulated compute: every transition takes `transitionMs` of Clock time and nothing else. It keeps
 * no state that matters: after a restart the database says what exists.
 */
export function createSimDriver({ clock, transitionMs }: { clock: Clock; transitionMs: number }): ComputeDriver {
  const running = new Map<string, boolean>();
  return {
    name: "sim",
    info: () => ({ needsFreezeForSnapshot: false, realInstances: false }),
    async create(spec) {
      await clock.sleep(transitionMs);
      running.set(spec.id, true);
    },
    async start(id) {
      await clock.sleep(transitionMs);
      running.set(id, true);
    },
    async stop(id) {
      await clock.sleep(transitionMs);
      running.set(id, false);
    },
    async reboot() {
      await clock.sleep(transitionMs);
    },
    async destroy(id) {
      await clock.sleep(transitionMs);
      running.delete(id);
    },
    async createDisk() {
      await clock.sleep(transitionMs);
    },
    async attachDisk() {
      await clock.sleep(transitionMs);
    },
    async detachDisk() {
      await clock.sleep(transitionMs);
    },
    async destroyDisk() {
      await clock.sleep(transitionMs);
    },
    async snapshot() {
      await clock.sleep(transitionMs);
    },
    async deleteSnapshot() {
      await clock.sleep(transitionMs);
    },
    /** Simulated instances do nothing, so they are always idle. */
    async cpuUtilization() {
      return 0;
    },
    async reset() {
      running.clear();
    },
    async close() {
      running.clear();
    },
  };
}

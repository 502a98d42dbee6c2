import type { Clock } from "../../core/clock.js";
import type { ComputeDriver } from "../driver.js";

/**
 * Simulated compute: every transition takes `transitionMs` of Clock time and nothing else. It keeps
 * no state that matters: after a restart the database says what exists. Reset and close abort
 * the transitions under way, so no timer outlives the driver; the worker resumes their jobs.
 */
export function createSimDriver({ clock, transitionMs }: { clock: Clock; transitionMs: number }): ComputeDriver {
  const running = new Map<string, boolean>();
  let interrupt = new AbortController();
  const transition = () => clock.sleep(transitionMs, interrupt.signal);
  const abortAll = (why: string) => {
    interrupt.abort(new Error(why));
    interrupt = new AbortController();
    running.clear();
  };
  return {
    name: "sim",
    info: () => ({ needsFreezeForSnapshot: false, realInstances: false }),
    async create(spec) {
      await transition();
      running.set(spec.id, true);
    },
    async start(id) {
      await transition();
      running.set(id, true);
    },
    async stop(id) {
      await transition();
      running.set(id, false);
    },
    async reboot() {
      await transition();
    },
    async destroy(id) {
      await transition();
      running.delete(id);
    },
    async reset() {
      abortAll("the sim driver was reset");
    },
    async close() {
      abortAll("the sim driver was closed");
    },
  };
}

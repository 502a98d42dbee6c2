import type { JobHandler } from "../job.js";
import { instanceTransition } from "./instance-transition.js";
import { storageJobHandlers } from "./lightsail-storage.js";

/** Job kinds and what runs them. Handlers enqueue by these names. */
export const jobHandlers: Record<string, JobHandler> = {
  "lightsail.instance.create": instanceTransition("pending", "running", (p, { driver }) => driver.create(p.spec!)),
  "lightsail.instance.start": instanceTransition("pending", "running", (p, { driver }) => driver.start(p.computeId)),
  "lightsail.instance.stop": instanceTransition("stopping", "stopped", (p, { driver }) => driver.stop(p.computeId, { force: !!p.force })),
  "lightsail.instance.reboot": instanceTransition("running", "running", (p, { driver }) => driver.reboot(p.computeId)),
  "lightsail.instance.delete": instanceTransition("shutting-down", "terminated", (p, { driver }) => driver.destroy(p.computeId)),
  ...storageJobHandlers,
};

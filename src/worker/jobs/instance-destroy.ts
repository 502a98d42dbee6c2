import type { JobHandler } from "../job.js";
import type { InstanceJobPayload } from "./instance-transition.js";

/**
 * Destroys a deleted instance's machine. DeleteInstance has already removed the row and ended its
 * operation, so the job needs nothing but the compute id; destroying an unknown id is harmless.
 */
export const instanceDestroy: JobHandler = {
  async run(job, { driver }, finish) {
    await driver.destroy((job.payload as InstanceJobPayload).computeId);
    await finish(async () => {});
  },
  async fail(job, { log }, error, finish) {
    log.error("instance.destroy", { computeId: (job.payload as InstanceJobPayload).computeId, error: error.message });
    await finish(async () => {});
  },
};

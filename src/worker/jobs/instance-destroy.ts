import type { JobHandler } from "../job.js";
import type { InstanceJobPayload } from "./instance-transition.js";

/**
 * Destroys a deleted instance's machine. DeleteInstance has already removed the row and ended its
 * operation, so the job needs nothing but the compute id; destroying an unknown id is harmless.
 */
export const instanceDestroy: JobHandler<InstanceJobPayload> = {
  async run(job, { driver }, finish) {
    await driver.destroy(job.payload.computeId);
    await finish(async () => {});
  },
  async fail(job, { log }, error, finish) {
    log.error("instance.destroy", { computeId: job.payload.computeId, error: error.message });
    await finish(async () => {});
  },
};

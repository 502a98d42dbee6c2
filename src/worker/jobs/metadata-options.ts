import { jobScope, type JobHandler } from "../job.js";
import { finishOperations } from "../operations.js";
import type { InstanceJobPayload } from "./instance-transition.js";

/**
 * Marks new instance metadata options `applied` and ends their operation. Neither driver serves
 * instance metadata yet, so there is nothing to call; the job is where that call would go.
 */
export const metadataOptionsApplied: JobHandler<InstanceJobPayload> = {
  async run(job, env, finish) {
    const payload = job.payload;
    const scope = jobScope(job);
    await finish(async (tx) => {
      const record = await tx.instances.get(scope, payload.name);
      if (record && record.computeId === payload.computeId && record.metadataOptions.state === "pending") {
        await tx.instances.update(scope, { ...record, metadataOptions: { ...record.metadataOptions, state: "applied" } });
      }
      await finishOperations(tx, scope, payload.operationIds, env.clock.now());
    });
  },
  async fail(job, env, error, finish) {
    const payload = job.payload;
    await finish((tx) => finishOperations(tx, jobScope(job), payload.operationIds, env.clock.now(), { code: "InternalError", details: error.message }));
  },
};

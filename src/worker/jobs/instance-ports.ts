import { jobScope, type JobHandler } from "../job.js";
import { portRules } from "./ports.js";

export interface InstancePortsPayload {
  name: string;
  computeId: string;
}

/**
 * Gives the machine the public ports its record has now (Open/Put/CloseInstancePublicPorts have
 * changed them and answered already). A machine not made yet gets them from its create job.
 */
export const instancePortsJob: JobHandler<InstancePortsPayload> = {
  async run(job, env, finish) {
    const p = job.payload;
    const record = await env.store.read((tx) => tx.instances.get(jobScope(job), p.name));
    if (record?.computeId === p.computeId && (await env.driver.status(p.computeId)) !== "absent") {
      await env.driver.setPublicPorts(p.computeId, portRules(record.ports));
    }
    await finish(async () => {});
  },
  async fail(job, { log }, error, finish) {
    log.error("instance.ports", { computeId: job.payload.computeId, error: error.message });
    await finish(async () => {});
  },
};

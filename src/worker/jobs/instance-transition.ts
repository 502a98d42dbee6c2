import type { InstanceSpec } from "../../compute/driver.js";
import type { InstanceStateName } from "../../state/records.js";
import { jobScope, type JobHandler } from "../job.js";
import { finishOperations } from "../operations.js";

export interface InstanceJobPayload {
  name: string;
  computeId: string;
  operationIds: string[];
  spec?: InstanceSpec;
  force?: boolean;
  [key: string]: unknown;
}

/**
 * A job that asks the driver for one change of an instance and then moves it from `from` to `to`
 * and ends its Operations. If the instance was moved on meanwhile, only the Operations end. If it
 * was deleted before the job began, the driver is not asked at all; if it was deleted while the
 * driver worked, the machine the driver just made or started is destroyed too, so that a create
 * or start finishing after the delete's own destroy leaves nothing behind.
 */
export function instanceTransition(
  from: InstanceStateName,
  to: InstanceStateName,
  act: (payload: InstanceJobPayload, env: Parameters<JobHandler["run"]>[1]) => Promise<void>,
): JobHandler {
  return {
    async run(job, env, finish) {
      const payload = job.payload as InstanceJobPayload;
      const scope = jobScope(job);
      const exists = async () => (await env.store.read((tx) => tx.instances.get(scope, payload.name)))?.computeId === payload.computeId;
      if (await exists()) {
        await act(payload, env);
        if (!(await exists())) await env.driver.destroy(payload.computeId);
      }
      await finish(async (tx) => {
        const record = await tx.instances.get(scope, payload.name);
        if (record && record.computeId === payload.computeId && record.state === from) {
          await tx.instances.update(scope, { ...record, state: to });
        }
        await finishOperations(tx, scope, payload.operationIds, env.clock.now());
      });
    },
    async fail(job, env, error, finish) {
      const payload = job.payload as InstanceJobPayload;
      await finish((tx) => finishOperations(tx, jobScope(job), payload.operationIds, env.clock.now(), { code: "InternalError", details: error.message }));
    },
  };
}

import type { Scope } from "../../core/scope.js";
import { recordOperation } from "../../state/operations.js";
import type { InstanceRecord } from "../../state/records.js";
import type { Tx } from "../../state/store.js";
import { findBundle } from "../../catalog/bundles.js";
import { jobOrigin, jobScope, type JobEnv, type JobHandler, type JobOrigin } from "../job.js";
import { enqueue } from "./kinds.js";

/** How often (Clock time) an instance with StopInstanceOnIdle is sampled. */
export const IDLE_CHECK_MS = 60_000;

export interface StopIdlePayload {
  instanceName: string;
  instanceArn: string;
  scheduleId: string;
  /** The previous sample; a sample covers the time since it. */
  checkedAt: number;
  /** Start of the current run of idle samples. */
  idleSince?: number;
  /** CPU seconds the instance had used at the previous sample. */
  cpuSeconds?: number;
}

async function scheduledInstance(tx: Tx, scope: Scope, p: StopIdlePayload) {
  const instance = await tx.instances.get(scope, p.instanceName);
  if (!instance || instance.arn !== p.instanceArn) return undefined;
  const addOn = instance.addOns.find((a) => a.name === "StopInstanceOnIdle" && a.scheduleId === p.scheduleId);
  return addOn ? { instance, threshold: Number(addOn.threshold), durationMs: Number(addOn.duration) * 60_000 } : undefined;
}

/**
 * The instance's CPU use since the previous sample, in percent of its CPUs, from the CPU time the
 * driver counts (the sim counts none). A first sample, or one after a reboot reset the count,
 * covers the time since the instance booted as if it fell within the sampling interval.
 */
async function sample(env: JobEnv, instance: InstanceRecord, p: StopIdlePayload, now: number) {
  const cpuSeconds = await env.driver.cpuSeconds(instance.computeId);
  if (cpuSeconds === undefined) return undefined;
  const used = p.cpuSeconds !== undefined && cpuSeconds >= p.cpuSeconds ? cpuSeconds - p.cpuSeconds : cpuSeconds;
  const cpus = findBundle(instance.bundleId)?.cpuCount ?? 1;
  const seconds = Math.max(1, (now - p.checkedAt) / 1000);
  return { percent: (100 * used) / (seconds * cpus), cpuSeconds };
}

async function stopInstance(tx: Tx, origin: JobOrigin, instance: InstanceRecord, now: number) {
  const scope = jobScope(origin);
  const op = await recordOperation(tx, scope, now, {
    resourceName: instance.name, resourceType: "Instance", availabilityZone: instance.availabilityZone, operationType: "StopInstance",
  });
  await tx.instances.update(scope, { ...instance, state: "stopping" });
  await enqueue(tx, origin, "lightsail.instance.stop", { name: instance.name, computeId: instance.computeId, operationIds: [op.id], force: false }, now);
}

/**
 * StopInstanceOnIdle: samples a running instance's CPU every minute of Clock time and stops it once
 * it has stayed below `threshold` percent for `duration` minutes. Ends when the add-on or the instance goes.
 */
export const stopIdleJob: JobHandler<StopIdlePayload> = {
  async run(job, env, finish) {
    const p = job.payload;
    const scope = jobScope(job);
    const found = await env.store.read((tx) => scheduledInstance(tx, scope, p));
    if (!found) return finish(async () => {});
    const now = env.clock.now();
    const cpu = found.instance.state === "running" ? await sample(env, found.instance, p, now) : undefined;
    await finish(async (tx) => {
      const current = await scheduledInstance(tx, scope, p);
      if (!current) return;
      const running = current.instance.state === "running" && cpu !== undefined;
      let idleSince = running && cpu!.percent < current.threshold ? (p.idleSince ?? p.checkedAt) : undefined;
      if (idleSince !== undefined && now - idleSince >= current.durationMs) {
        await stopInstance(tx, jobOrigin(job), current.instance, now);
        idleSince = undefined;
      }
      const next = idleSince === undefined ? now + IDLE_CHECK_MS : Math.max(now + 1, Math.min(now + IDLE_CHECK_MS, idleSince + current.durationMs));
      await enqueue(tx, jobOrigin(job), "lightsail.addon.stop-idle", { ...p, checkedAt: now, idleSince, cpuSeconds: cpu?.cpuSeconds }, next, { recurring: true });
    });
  },
  async fail(job, env, _error, finish) {
    const p = job.payload;
    const now = env.clock.now();
    await finish(async (tx) => {
      if (await scheduledInstance(tx, jobScope(job), p)) {
        await enqueue(tx, jobOrigin(job), "lightsail.addon.stop-idle", { ...p, checkedAt: now, idleSince: undefined, cpuSeconds: undefined }, now + IDLE_CHECK_MS, { recurring: true });
      }
    });
  },
};

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createSimDriver } from "../../compute/sim/sim-driver.js";
import { createClock } from "../../core/clock.js";
import { createLogger } from "../../core/log.js";
import { findBundle } from "../../catalog/bundles.js";
import type { InstanceRecord } from "../../state/records.js";
import { openSqliteStore } from "../../state/sqlite/sqlite-store.js";
import { createStorage } from "../storage.js";
import { stopIdleJob, type StopIdlePayload } from "./stop-idle.js";
import { openEnvelope } from "./kinds.js";
import type { Job } from "../job.js";

const STOP_IDLE_JOB = "lightsail.addon.stop-idle";

const scope = { account: "000000000000", region: "us-east-1" };
const MINUTE = 60_000;

const instance = {
  name: "busy", arn: "arn:aws:lightsail:us-east-1:000000000000:Instance/1", computeId: "i-1", bundleId: "nano_3_0", state: "running",
  availabilityZone: "us-east-1a", addOns: [{ name: "StopInstanceOnIdle", status: "Enabled", threshold: "5", duration: "2", scheduleId: "s1" }],
} as InstanceRecord;

/**
 * Runs the job once a minute against a driver that reports the given CPU seconds at each sample;
 * returns the instance's state and the CPU use each sample saw in percent.
 */
async function samples(cpuSeconds: number[]) {
  const store = openSqliteStore(":memory:");
  const clock = createClock(10 * MINUTE);
  const readings = [...cpuSeconds];
  const sim = createSimDriver({ clock, transitionMs: 0 });
  const driver = { ...sim, cpuSeconds: async () => readings.shift() };
  const env = { store, clock, driver, storage: createStorage({ driver, clock, simulatedMs: 0 }), log: createLogger(false, clock.now) };
  await store.transaction((tx) => tx.instances.insert(scope, instance));
  let payload: StopIdlePayload = { instanceName: "busy", instanceArn: instance.arn, scheduleId: "s1", checkedAt: clock.now() };
  try {
    for (let i = 0; i < cpuSeconds.length; i++) {
      clock.advance(MINUTE);
      const job: Job<StopIdlePayload> = { id: i, ...scope, kind: STOP_IDLE_JOB, payload: { ...payload }, runAt: 0, attempts: 1 };
      await stopIdleJob.run(job, env, (fn) => store.transaction(fn));
      const [next] = await store.transaction((tx) => tx.jobs.claimDue(clock.now() + MINUTE, 10)).then((jobs) => jobs.filter((j) => j.kind === STOP_IDLE_JOB));
      payload = openEnvelope(next!.payload).data as unknown as StopIdlePayload;
      await store.transaction((tx) => tx.jobs.finish(next!.id));
    }
    return (await store.read((tx) => tx.instances.get(scope, "busy")))!.state;
  } finally {
    await store.close();
  }
}

describe("the StopInstanceOnIdle job", () => {
  const cpus = findBundle("nano_3_0")!.cpuCount;

  it("keeps an instance that uses its CPUs running", async () => {
    // 30 CPU seconds a minute on each CPU: 50% use
    assert.equal(await samples([30 * cpus, 60 * cpus, 90 * cpus, 120 * cpus]), "running");
  });

  it("stops an instance below the threshold for the add-on's duration, from the CPU time the driver counts", async () => {
    // 6 CPU seconds (10%) in the first minute, then 0.6 (1%) a minute: idle from the end of minute 1, stopped after two idle minutes
    assert.equal(await samples([6 * cpus, 6.6 * cpus]), "running");
    assert.equal(await samples([6 * cpus, 6.6 * cpus, 7.2 * cpus]), "stopping");
  });
});

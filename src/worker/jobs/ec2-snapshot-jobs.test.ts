import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ComputeDriver } from "../../compute/driver.js";
import { createClock } from "../../core/clock.js";
import { createLogger } from "../../core/log.js";
import type { Ec2InstanceRecord, SnapshotRecord } from "../../state/ec2-records.js";
import { openSqliteStore } from "../../state/sqlite/sqlite-store.js";
import type { JobRecord } from "../../state/records.js";
import { takeSnapshots } from "./ec2-snapshot-jobs.js";

const scope = { account: "000000000000", region: "us-east-1" };

function snapshot(id: string, volumeId: string): SnapshotRecord {
  return {
    snapshotId: id, volumeId, volumeSize: 8, state: "pending", progress: "", startTime: 1, ownerId: scope.account,
    description: "", encrypted: false, tags: [], createVolumePermissions: [],
  };
}

const instance = { instanceId: "i-0123456789abcdef0", state: "running" } as Ec2InstanceRecord;

/** A driver that records the calls the job makes, and whether the snapshots were still pending at freeze time. */
function recordingDriver(needsFreeze: boolean, store: ReturnType<typeof openSqliteStore>, calls: string[]): ComputeDriver {
  const unused = async () => {
    throw new Error("not used by snapshot jobs");
  };
  return {
    name: "recording",
    info: () => ({ needsFreezeForSnapshot: needsFreeze, realInstances: false }),
    async freeze(id) {
      const states = await store.read(async (tx) => Promise.all(["snap-1", "snap-2"].map(async (s) => (await tx.ec2Snapshots.get(scope, s))?.state)));
      calls.push(`freeze ${id} ${states.join(",")}`);
    },
    async thaw(id) {
      calls.push(`thaw ${id}`);
    },
    create: unused, start: unused, stop: unused, reboot: unused, destroy: unused, reset: unused, close: unused,
    createDisk: unused, attachDisk: unused, detachDisk: unused, destroyDisk: unused, snapshot: unused, deleteSnapshot: unused,
    cpuUtilization: unused,
  };
}

async function run(needsFreeze: boolean) {
  const store = openSqliteStore(":memory:");
  const calls: string[] = [];
  const clock = createClock(1_000);
  await store.transaction(async (tx) => {
    await tx.ec2Instances.insert(scope, { ...instance, reservationId: "r-1", clientToken: "" } as Ec2InstanceRecord);
    await tx.ec2Snapshots.insert(scope, snapshot("snap-1", "vol-1"));
    await tx.ec2Snapshots.insert(scope, snapshot("snap-2", "vol-2"));
  });
  const job: JobRecord = { id: 1, ...scope, kind: "ec2.snapshots.take", payload: { snapshotIds: ["snap-1", "snap-2"], instanceId: instance.instanceId }, runAt: 0, attempts: 1 };
  const env = { store, clock, driver: recordingDriver(needsFreeze, store, calls), log: createLogger(false, clock.now) };
  await takeSnapshots.run(job, env, (fn) => store.transaction(fn));
  const after = await store.read((tx) => Promise.all(["snap-1", "snap-2"].map((s) => tx.ec2Snapshots.get(scope, s))));
  await store.close();
  return { calls, after };
}

describe("the ec2.snapshots.take job", () => {
  it("holds a running instance's writes once for the whole set when the driver needs it, and completes every snapshot after thawing", async () => {
    const { calls, after } = await run(true);
    assert.deepEqual(calls, [`freeze ${instance.instanceId} pending,pending`, `thaw ${instance.instanceId}`]);
    assert.deepEqual(after.map((s) => [s?.state, s?.progress]), [["completed", "100%"], ["completed", "100%"]]);
    assert.equal(after[0]!.completionTime, after[1]!.completionTime);
  });

  it("freezes nothing when the driver has nothing to freeze (sim), with the same outcome", async () => {
    const { calls, after } = await run(false);
    assert.deepEqual(calls, []);
    assert.deepEqual(after.map((s) => s?.state), ["completed", "completed"]);
  });
});

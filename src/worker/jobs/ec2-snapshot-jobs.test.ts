import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { createSimDriver } from "../../compute/sim/sim-driver.js";
import type { ComputeDriver } from "../../compute/driver.js";
import { createClock } from "../../core/clock.js";
import { createLogger } from "../../core/log.js";
import type { Ec2InstanceRecord, SnapshotRecord, VolumeRecord } from "../../state/ec2-records.js";
import { openSqliteStore } from "../../state/sqlite/sqlite-store.js";
import type { Job } from "../job.js";
import type { Ec2SnapshotsJob } from "./ec2-payloads.js";
import { openCopyStore } from "../../storage/copy/copy-store.js";
import type { DiskStore } from "../../storage/disk-store.js";
import { createStorage, EBS_PART, snapshotPartId } from "../storage.js";
import { takeSnapshots } from "./ec2-snapshot-jobs.js";

const scope = { account: "000000000000", region: "us-east-1" };
const instanceId = "i-0123456789abcdef0";

function snapshot(id: string, volumeId: string): SnapshotRecord {
  return {
    snapshotId: id, volumeId, volumeSize: 1, state: "pending", progress: "", startTime: 1, ownerId: scope.account,
    description: "", encrypted: false, tags: [], createVolumePermissions: [],
  };
}

function volume(id: string, device: string): VolumeRecord {
  return {
    volumeId: id, size: 1, snapshotId: "", availabilityZone: "us-east-1a", state: "in-use", createTime: 1, volumeType: "gp3",
    encrypted: false, multiAttachEnabled: false, tags: [], attachment: { instanceId, device, state: "attached", attachTime: 1, deleteOnTermination: false },
  };
}

/**
 * The sim driver with a disk store and freeze/thaw that record what they saw: the calls, the
 * snapshots' states and whether the copies existed yet.
 */
function recordingDriver(needsFreeze: boolean, disks: DiskStore, calls: string[]): ComputeDriver {
  const sim = createSimDriver({ clock: createClock(), transitionMs: 0 });
  const copied = async () => (await disks.list()).filter((id) => id.startsWith("snap-")).length;
  return {
    ...sim,
    name: "recording",
    info: () => ({ ...sim.info(), needsFreezeForSnapshot: needsFreeze }),
    async freeze(ids) {
      calls.push(`freeze ${ids.join(",")} with ${await copied()} copies`);
      return { quiesceMs: 0 };
    },
    async thaw(ids) {
      calls.push(`thaw ${ids.join(",")} with ${await copied()} copies`);
      return {};
    },
  };
}

async function run(needsFreeze: boolean) {
  const dir = await mkdtemp(join(tmpdir(), "skiff-snapjob-"));
  const store = openSqliteStore(":memory:");
  const disks = await openCopyStore(dir);
  try {
    await writeFile(disks.path("vol-1"), "root bytes");
    await writeFile(disks.path("vol-2"), "data bytes");
    const calls: string[] = [];
    const clock = createClock(1_000);
    await store.transaction(async (tx) => {
      await tx.ec2Instances.insert(scope, { instanceId, state: "running", reservationId: "r-1", clientToken: "" } as Ec2InstanceRecord);
      await tx.ec2Volumes.insert(scope, volume("vol-1", "/dev/xvda"));
      await tx.ec2Volumes.insert(scope, volume("vol-2", "/dev/xvdf"));
      await tx.ec2Snapshots.insert(scope, snapshot("snap-1", "vol-1"));
      await tx.ec2Snapshots.insert(scope, snapshot("snap-2", "vol-2"));
    });
    const job: Job<Ec2SnapshotsJob> = { id: 1, ...scope, kind: "ec2.snapshots.take", payload: { snapshotIds: ["snap-1", "snap-2"], instanceId }, runAt: 0, attempts: 1 };
    const driver = recordingDriver(needsFreeze, disks, calls);
    const env = { store, clock, driver, storage: createStorage({ driver, disks, clock, simulatedMs: 0 }), log: createLogger(false, clock.now) };
    await takeSnapshots.run(job, env, (fn) => store.transaction(fn));
    const after = await store.read((tx) => Promise.all(["snap-1", "snap-2"].map((s) => tx.ec2Snapshots.get(scope, s))));
    const bytes = await Promise.all(["snap-1", "snap-2"].map((s) => readFile(disks.path(snapshotPartId({ snapshotId: s, part: EBS_PART })), "utf8")));
    return { calls, after, bytes };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

describe("the ec2.snapshots.take job", () => {
  it("freezes a running instance once for the whole set when the driver needs it, copies every volume, thaws, then completes every snapshot", async () => {
    const { calls, after, bytes } = await run(true);
    assert.deepEqual(calls, [`freeze ${instanceId} with 0 copies`, `thaw ${instanceId} with 2 copies`]);
    assert.deepEqual(bytes, ["root bytes", "data bytes"]);
    assert.deepEqual(after.map((s) => [s?.state, s?.progress]), [["completed", "100%"], ["completed", "100%"]]);
    assert.equal(after[0]!.completionTime, after[1]!.completionTime);
  });

  it("freezes nothing when the driver has nothing to freeze, with the same outcome", async () => {
    const { calls, after, bytes } = await run(false);
    assert.deepEqual(calls, []);
    assert.deepEqual(bytes, ["root bytes", "data bytes"]);
    assert.deepEqual(after.map((s) => s?.state), ["completed", "completed"]);
  });
});

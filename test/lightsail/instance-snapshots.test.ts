import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import {
  AttachDiskCommand,
  CreateInstanceSnapshotCommand,
  CreateInstancesCommand,
  DeleteDiskCommand,
  DeleteInstanceSnapshotCommand,
  DetachDiskCommand,
  GetInstanceCommand,
  GetInstanceSnapshotCommand,
  GetInstanceSnapshotsCommand,
} from "@aws-sdk/client-lightsail";
import { availableDisk, runningInstances, holdTransitionalState, setInstanceState, storedOperation, US_EAST_1 } from "../helpers/lightsail.js";
import { rejectsWith, startTestSkiff, useTestSkiff } from "../helpers/skiff.js";
import { waitFor } from "../helpers/wait.js";

describe("Instance snapshots", () => {
  const t = useTestSkiff();

  it("returns the two Started operations of the seed: one on the snapshot, one on the instance", async () => {
    await runningInstances(t, ["WordPress-1"], { blueprintId: "wordpress", availabilityZone: "us-east-1b" });
    const { operations } = await t.lightsail.send(
      new CreateInstanceSnapshotCommand({ instanceName: "WordPress-1", instanceSnapshotName: "WordPress-Snapshot-1" }),
    );
    assert.equal(operations?.length, 2);
    const [snap, inst] = operations!;
    assert.deepEqual(
      [snap!.resourceName, snap!.resourceType, snap!.location, snap!.isTerminal, snap!.operationDetails, snap!.operationType, snap!.status],
      ["WordPress-Snapshot-1", "InstanceSnapshot", { availabilityZone: "all", regionName: "us-east-1" }, false, "WordPress-1", "CreateInstanceSnapshot", "Started"],
    );
    assert.deepEqual(
      [inst!.resourceName, inst!.resourceType, inst!.location, inst!.isTerminal, inst!.operationDetails, inst!.operationType, inst!.status],
      ["WordPress-1", "Instance", { availabilityZone: "us-east-1b", regionName: "us-east-1" }, false, "WordPress-Snapshot-1", "CreateInstanceSnapshot", "Started"],
    );
    assert.ok(snap!.createdAt instanceof Date && snap!.statusChangedAt instanceof Date);
    await t.skiff.idle();
    for (const op of operations!) assert.equal((await storedOperation(t, op.id!)).status, "Succeeded");
  });

  it("reports an available snapshot with the fields of the real GetInstanceSnapshot", async () => {
    await runningInstances(t, ["MEAN-1"], { blueprintId: "mean", bundleId: "medium_3_0", tags: [{ key: "env", value: "prod" }] });
    await t.lightsail.send(
      new CreateInstanceSnapshotCommand({ instanceName: "MEAN-1", instanceSnapshotName: "MEAN-1-snap", tags: [{ key: "kind", value: "manual" }] }),
    );
    await t.skiff.idle();
    const { instanceSnapshot: s } = await t.lightsail.send(new GetInstanceSnapshotCommand({ instanceSnapshotName: "MEAN-1-snap" }));
    const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: "MEAN-1" }));
    assert.ok(s);
    assert.match(s.arn!, /^arn:aws:lightsail:us-east-1:000000000000:InstanceSnapshot\/[0-9a-f-]{36}$/);
    assert.match(s.supportCode!, /^\d{12}\/ami-[0-9a-f]{17}$/);
    assert.deepEqual(s.location, { availabilityZone: "all", regionName: "us-east-1" });
    assert.equal(s.resourceType, "InstanceSnapshot");
    assert.deepEqual(s.tags, [{ key: "kind", value: "manual" }]);
    assert.equal(s.state, "available");
    assert.deepEqual(s.fromAttachedDisks, []);
    assert.equal(s.fromInstanceName, "MEAN-1");
    assert.equal(s.fromInstanceArn, instance?.arn);
    assert.equal(s.fromBlueprintId, "mean");
    assert.equal(s.fromBundleId, "medium_3_0");
    assert.equal(s.isFromAutoSnapshot, false);
    assert.equal(s.sizeInGb, 80);
    assert.equal(s.progress, undefined);
  });

  it("does not copy the instance's tags", async () => {
    await runningInstances(t, ["tagged"], { tags: [{ key: "env", value: "prod" }] });
    await t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "tagged", instanceSnapshotName: "plain" }));
    const { instanceSnapshot } = await t.lightsail.send(new GetInstanceSnapshotCommand({ instanceSnapshotName: "plain" }));
    assert.deepEqual(instanceSnapshot?.tags, []);
  });

  it("snapshots a stopped instance", async () => {
    await runningInstances(t, ["cold"]);
    await setInstanceState(t, "cold", "stopped");
    await t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "cold", instanceSnapshotName: "cold-snap" }));
    await t.skiff.idle();
    assert.equal((await t.lightsail.send(new GetInstanceSnapshotCommand({ instanceSnapshotName: "cold-snap" }))).instanceSnapshot?.state, "available");
  });

  it("keeps the attached disks as they were when it was taken, whatever happens to them later", async () => {
    await runningInstances(t, ["db"]);
    await availableDisk(t, "db-data", 32);
    await availableDisk(t, "db-logs", 8);
    await t.lightsail.send(new AttachDiskCommand({ diskName: "db-logs", instanceName: "db", diskPath: "/dev/xvdg" }));
    await t.lightsail.send(new AttachDiskCommand({ diskName: "db-data", instanceName: "db", diskPath: "/dev/xvdf" }));
    await t.skiff.idle();
    await t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "db", instanceSnapshotName: "db-snap" }));
    await t.skiff.idle();

    await setInstanceState(t, "db", "stopped");
    await t.lightsail.send(new DetachDiskCommand({ diskName: "db-data" }));
    await t.skiff.idle();
    await t.lightsail.send(new DeleteDiskCommand({ diskName: "db-data" }));

    const { instanceSnapshot } = await t.lightsail.send(new GetInstanceSnapshotCommand({ instanceSnapshotName: "db-snap" }));
    assert.deepEqual(
      instanceSnapshot?.fromAttachedDisks?.map((d) => [d.name, d.path, d.sizeInGb, d.attachedTo, d.isAttached, d.state, d.resourceType]),
      [
        ["db-data", "/dev/xvdf", 32, "db", true, "in-use", "Disk"],
        ["db-logs", "/dev/xvdg", 8, "db", true, "in-use", "Disk"],
      ],
    );
    assert.match(instanceSnapshot!.fromAttachedDisks![0]!.arn!, /:Disk\//);
  });

  it("outlives its instance", async () => {
    await runningInstances(t, ["short-lived"]);
    await t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "short-lived", instanceSnapshotName: "memento" }));
    await t.skiff.idle();
    await t.skiff.store.transaction(async (tx) => {
      await tx.instances.delete(US_EAST_1, "short-lived");
      await tx.names.release(US_EAST_1, "short-lived");
    });
    const { instanceSnapshot } = await t.lightsail.send(new GetInstanceSnapshotCommand({ instanceSnapshotName: "memento" }));
    assert.equal(instanceSnapshot?.state, "available");
    assert.equal(instanceSnapshot?.fromInstanceName, "short-lived");
  });

  it("rejects an instance that is neither running nor stopped", async () => {
    await runningInstances(t, ["busy"]);
    await holdTransitionalState(t, "busy", "stopping");
    await rejectsWith(
      t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "busy", instanceSnapshotName: "nope" })),
      "OperationFailureException",
      /You can't create a snapshot of this instance right now. The state of this instance is: stopping/,
    );
    await rejectsWith(t.lightsail.send(new GetInstanceSnapshotCommand({ instanceSnapshotName: "nope" })), "NotFoundException");
  });

  it("rejects an unknown instance with NotFoundException", async () => {
    await rejectsWith(
      t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "ghost", instanceSnapshotName: "nope" })),
      "NotFoundException",
      /Instance does not exist: ghost/,
    );
  });

  it("rejects a name any resource of the region uses", async () => {
    await runningInstances(t, ["box", "other"]);
    const err = await rejectsWith(
      t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "box", instanceSnapshotName: "other" })),
      "InvalidInputException",
      /Some names are already in use: other/,
    );
    assert.equal(err.code, "NameExists");
    await t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "box", instanceSnapshotName: "s1" }));
    await rejectsWith(
      t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "box", instanceSnapshotName: "s1" })),
      "InvalidInputException",
      /Some names are already in use: s1/,
    );
  });

  it("rejects a bad snapshot name and bad tags, creating nothing", async () => {
    await runningInstances(t, ["box"]);
    await rejectsWith(
      t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "box", instanceSnapshotName: "bad name" })),
      "InvalidInputException",
      /instance snapshot name 'bad name' is not valid/,
    );
    await rejectsWith(
      t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "box", instanceSnapshotName: "ok", tags: [{ key: "aws:x" }] })),
      "InvalidInputException",
      /reserved prefix 'aws:'/,
    );
    assert.deepEqual((await t.lightsail.send(new GetInstanceSnapshotsCommand({}))).instanceSnapshots, []);
  });

  it("deletes a snapshot with a Succeeded operation and frees its name", async () => {
    await runningInstances(t, ["box"]);
    await t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "box", instanceSnapshotName: "old" }));
    await t.skiff.idle();
    const { operations } = await t.lightsail.send(new DeleteInstanceSnapshotCommand({ instanceSnapshotName: "old" }));
    assert.deepEqual(
      operations?.map((o) => [o.resourceName, o.resourceType, o.operationType, o.status, o.isTerminal, o.location?.availabilityZone]),
      [["old", "InstanceSnapshot", "DeleteInstanceSnapshot", "Succeeded", true, "all"]],
    );
    await rejectsWith(t.lightsail.send(new GetInstanceSnapshotCommand({ instanceSnapshotName: "old" })), "NotFoundException", /InstanceSnapshot does not exist: old/);
    await rejectsWith(t.lightsail.send(new DeleteInstanceSnapshotCommand({ instanceSnapshotName: "old" })), "NotFoundException", /InstanceSnapshot does not exist: old/);
    await t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "box", instanceSnapshotName: "old" }));
    const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: "box" }));
    assert.equal(instance?.state?.name, "running");
  });
});

describe("Instance snapshots while work is in progress", () => {
  const t = useTestSkiff({ transitionMs: 60_000 });

  it("stays pending until the copy is done, and cannot be deleted meanwhile", async () => {
    await t.lightsail.send(new CreateInstancesCommand({ instanceNames: ["slow"], availabilityZone: "us-east-1a", blueprintId: "debian_12", bundleId: "nano_3_0" }));
    await rejectsWith(
      t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "slow", instanceSnapshotName: "early" })),
      "OperationFailureException",
      /The state of this instance is: pending/,
    );
    await t.advance("61s");
    await t.skiff.idle();
    await t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "slow", instanceSnapshotName: "snap" }));
    assert.equal((await t.lightsail.send(new GetInstanceSnapshotCommand({ instanceSnapshotName: "snap" }))).instanceSnapshot?.state, "pending");
    await rejectsWith(
      t.lightsail.send(new DeleteInstanceSnapshotCommand({ instanceSnapshotName: "snap" })),
      "OperationFailureException",
      /You can't delete this snapshot right now. The state of this snapshot is: pending/,
    );
    await t.advance("61s");
    await t.skiff.idle();
    assert.equal((await t.lightsail.send(new GetInstanceSnapshotCommand({ instanceSnapshotName: "snap" }))).instanceSnapshot?.state, "available");
  });
});

describe("GetInstanceSnapshots paging", () => {
  const t = useTestSkiff({ pageSize: 2 }, { reset: false });

  it("pages through every snapshot in creation order", async () => {
    await runningInstances(t, ["box"]);
    for (const n of ["s1", "s2", "s3", "s4", "s5"]) await t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "box", instanceSnapshotName: n }));
    const names: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = await t.lightsail.send(new GetInstanceSnapshotsCommand({ pageToken }));
      assert.ok(page.instanceSnapshots!.length <= 2);
      names.push(...page.instanceSnapshots!.map((s) => s.name!));
      pageToken = page.nextPageToken;
    } while (pageToken);
    assert.deepEqual(names, ["s1", "s2", "s3", "s4", "s5"]);
  });
});

describe("A snapshot pending across a server restart", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "skiff-restart-"));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it("completes after the restart and its Operation says Succeeded", async () => {
    const options = { inMemory: false, dataDir, transitionMs: 60_000 };
    const first = await startTestSkiff(options);
    await first.lightsail.send(new CreateInstancesCommand({ instanceNames: ["durable"], availabilityZone: "us-east-1a", blueprintId: "debian_12", bundleId: "nano_3_0" }));
    await first.advance("1m");
    await first.skiff.idle();
    const { operations } = await first.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "durable", instanceSnapshotName: "in-flight" }));
    await new Promise((r) => setTimeout(r, 100)); // let the worker pick the job up and start copying
    assert.equal((await first.lightsail.send(new GetInstanceSnapshotCommand({ instanceSnapshotName: "in-flight" }))).instanceSnapshot?.state, "pending");
    await first.close();
    first.skiff.clock.advance(120_000); // wakes the old server's copy, which can no longer write

    const second = await startTestSkiff(options);
    try {
      const snapshot = () => second.lightsail.send(new GetInstanceSnapshotCommand({ instanceSnapshotName: "in-flight" }));
      assert.equal((await snapshot()).instanceSnapshot?.state, "pending");
      await waitFor(async () => {
        await second.advance("61s");
        return (await snapshot()).instanceSnapshot?.state === "available" ? true : undefined;
      }, "the snapshot to become available");
      for (const op of operations!) {
        const record = await storedOperation(second, op.id!);
        assert.deepEqual([record.status, record.isTerminal], ["Succeeded", true]);
      }
    } finally {
      await second.close();
    }
  });
});

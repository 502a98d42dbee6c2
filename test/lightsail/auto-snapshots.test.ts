import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import {
  AttachDiskCommand,
  CreateDiskCommand,
  CreateDiskFromSnapshotCommand,
  CreateInstancesCommand,
  CreateInstancesFromSnapshotCommand,
  DeleteAutoSnapshotCommand,
  DeleteDiskCommand,
  DisableAddOnCommand,
  EnableAddOnCommand,
  GetAutoSnapshotsCommand,
  type AddOnRequest,
} from "@aws-sdk/client-lightsail";
import { deleteAutoSnapshotsOf } from "../../src/services/lightsail/auto-snapshots/delete-auto-snapshots.js";
import { advanceUntil, availableDisk, runningInstances, setClock, US_EAST_1 } from "../helpers/lightsail.js";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";

const at6 = [{ addOnType: "AutoSnapshot", autoSnapshotAddOnRequest: { snapshotTimeOfDay: "06:00" } }] satisfies AddOnRequest[];

describe("Automatic snapshots", () => {
  const t = useTestSkiff();
  beforeEach(async () => {
    await setClock(t, "2026-03-01T10:00:00Z");
  });

  const autoSnapshots = async (resourceName: string) => (await t.lightsail.send(new GetAutoSnapshotsCommand({ resourceName }))).autoSnapshots!;
  const dates = async (resourceName: string) => (await autoSnapshots(resourceName)).map((a) => a.date);
  const advance = async (d: string) => {
    await t.advance(d);
    await t.skiff.idle();
  };

  it("takes one a day at the snapshot time, and catches up every missed day with its own date and time", async () => {
    await runningInstances(t, ["web"], { addOns: at6 });
    await advance("3d");
    const { resourceName, resourceType, autoSnapshots: list } = await t.lightsail.send(new GetAutoSnapshotsCommand({ resourceName: "web" }));
    assert.deepEqual([resourceName, resourceType], ["web", "Instance"]);
    assert.deepEqual(
      list?.map((a) => [a.date, a.createdAt?.toISOString(), a.status, a.fromAttachedDisks]),
      [
        ["2026-03-04", "2026-03-04T06:00:00.000Z", "Success", []],
        ["2026-03-03", "2026-03-03T06:00:00.000Z", "Success", []],
        ["2026-03-02", "2026-03-02T06:00:00.000Z", "Success", []],
      ],
    );
  });

  it("takes the day's snapshot only once its time has come", async () => {
    await runningInstances(t, ["web"], { addOns: at6 });
    await advance("19h59m"); // 2026-03-02 05:59
    assert.deepEqual(await dates("web"), []);
    await advance("2m");
    const [first] = await autoSnapshots("web");
    assert.equal(first?.date, "2026-03-02");
    const created = first!.createdAt!.getTime();
    assert.ok(created >= Date.parse("2026-03-02T06:00:00Z") && created <= Date.parse("2026-03-02T06:45:00Z"));
    await advance("1h");
    assert.deepEqual(await dates("web"), ["2026-03-02"]);
  });

  it("starts the next day when the time is less than 30 minutes away", async () => {
    await setClock(t, "2026-03-01T05:45:00Z");
    await runningInstances(t, ["web"], { addOns: at6 });
    await advance("1h");
    assert.deepEqual(await dates("web"), []);
    await advance("1d");
    assert.deepEqual(await dates("web"), ["2026-03-02"]);
  });

  it("keeps the newest seven", async () => {
    await runningInstances(t, ["web"], { addOns: at6 });
    await advance("10d");
    assert.deepEqual(await dates("web"), ["2026-03-11", "2026-03-10", "2026-03-09", "2026-03-08", "2026-03-07", "2026-03-06", "2026-03-05"]);
    await advance("1d");
    assert.deepEqual(await dates("web"), ["2026-03-12", "2026-03-11", "2026-03-10", "2026-03-09", "2026-03-08", "2026-03-07", "2026-03-06"]);
  });

  it("lists the disks attached when each was taken as {path, sizeInGb}", async () => {
    await runningInstances(t, ["db"], { addOns: at6 });
    await availableDisk(t, "db-data", 64);
    await t.lightsail.send(new AttachDiskCommand({ diskName: "db-data", instanceName: "db", diskPath: "/dev/xvdf" }));
    await advance("1d");
    assert.deepEqual((await autoSnapshots("db"))[0]?.fromAttachedDisks, [{ path: "/dev/xvdf", sizeInGb: 64 }]);
  });

  it("follows a new snapshot time, and stops when disabled, keeping those taken", async () => {
    await runningInstances(t, ["web"]);
    await t.lightsail.send(new EnableAddOnCommand({ resourceName: "web", addOnRequest: at6[0] }));
    await t.lightsail.send(new EnableAddOnCommand({ resourceName: "web", addOnRequest: { addOnType: "AutoSnapshot", autoSnapshotAddOnRequest: { snapshotTimeOfDay: "20:00" } } }));
    await advance("1d"); // 2026-03-02 10:00: only the 20:00 schedule exists
    assert.deepEqual((await autoSnapshots("web")).map((a) => a.createdAt?.toISOString()), ["2026-03-01T20:00:00.000Z"]);
    await t.lightsail.send(new DisableAddOnCommand({ resourceName: "web", addOnType: "AutoSnapshot" }));
    await advance("3d");
    assert.deepEqual(await dates("web"), ["2026-03-01"]);
  });

  it("snapshots disks too, and deleting the disk deletes them", async () => {
    await t.lightsail.send(new CreateDiskCommand({ diskName: "vault", sizeInGb: 32, availabilityZone: "us-east-1a", addOns: at6 }));
    await advance("2d");
    const { resourceType, autoSnapshots: list } = await t.lightsail.send(new GetAutoSnapshotsCommand({ resourceName: "vault" }));
    assert.equal(resourceType, "Disk");
    assert.deepEqual(list?.map((a) => [a.date, a.status, a.fromAttachedDisks]), [["2026-03-03", "Success", []], ["2026-03-02", "Success", []]]);
    await t.lightsail.send(new DeleteDiskCommand({ diskName: "vault" }));
    await t.lightsail.send(new CreateDiskCommand({ diskName: "vault", sizeInGb: 8, availabilityZone: "us-east-1a" }));
    assert.deepEqual(await dates("vault"), []);
  });

  it("deletes an instance's automatic snapshots with the instance (the DeleteInstance hook)", async () => {
    await runningInstances(t, ["web"], { addOns: at6 });
    await advance("2d");
    await t.skiff.store.transaction(async (tx) => {
      await deleteAutoSnapshotsOf(tx, US_EAST_1, "web", t.skiff.clock.now());
      await tx.instances.delete(US_EAST_1, "web");
    });
    const left = await t.skiff.store.read((tx) => tx.autoSnapshots.findBy(US_EAST_1, "resource_name", ["web"]));
    assert.deepEqual(left, []);
    await rejectsWith(t.lightsail.send(new GetAutoSnapshotsCommand({ resourceName: "web" })), "NotFoundException", /Resource does not exist: web/);
    await advance("2d"); // the schedule of the deleted instance ends by itself
    assert.deepEqual(await t.skiff.store.read((tx) => tx.autoSnapshots.findBy(US_EAST_1, "resource_name", ["web"])), []);
  });

  it("deletes one automatic snapshot with the real DeleteAutoSnapshot operation", async () => {
    await runningInstances(t, ["web"], { addOns: at6 });
    await advance("2d");
    const { operations } = await t.lightsail.send(new DeleteAutoSnapshotCommand({ resourceName: "web", date: "2026-03-02" }));
    assert.equal(operations?.length, 1);
    const op = operations![0]!;
    assert.deepEqual(
      [op.resourceName, op.resourceType, op.operationType, op.operationDetails, op.status, op.isTerminal, op.statusChangedAt, op.location],
      ["web", "Instance", "DeleteAutoSnapshot", "DeleteAutoSnapshot-2026-03-02", "Succeeded", true, undefined, { availabilityZone: "us-east-1", regionName: "us-east-1" }],
    );
    assert.deepEqual(await dates("web"), ["2026-03-03"]);
    await rejectsWith(
      t.lightsail.send(new DeleteAutoSnapshotCommand({ resourceName: "web", date: "2026-03-02" })),
      "NotFoundException",
      /The resource web has no automatic snapshot from 2026-03-02/,
    );
  });

  it("rejects a malformed date and an unknown resource", async () => {
    await runningInstances(t, ["web"], { addOns: at6 });
    await rejectsWith(
      t.lightsail.send(new DeleteAutoSnapshotCommand({ resourceName: "web", date: "2026-3-2" })),
      "InvalidInputException",
      /The date '2026-3-2' is not valid. Use a date in YYYY-MM-DD format/,
    );
    await rejectsWith(t.lightsail.send(new DeleteAutoSnapshotCommand({ resourceName: "ghost", date: "2026-03-02" })), "NotFoundException", /Resource does not exist: ghost/);
    await rejectsWith(t.lightsail.send(new GetAutoSnapshotsCommand({ resourceName: "ghost" })), "NotFoundException", /Resource does not exist: ghost/);
  });

  it("lists none for a resource without the add-on", async () => {
    await availableDisk(t, "plain");
    assert.deepEqual(await dates("plain"), []);
  });
});

describe("Automatic snapshots in use by a restore", () => {
  const t = useTestSkiff({ transitionMs: 60_000 });
  beforeEach(async () => {
    await setClock(t, "2026-03-01T10:00:00Z");
  });

  const statuses = async (resourceName: string) =>
    (await t.lightsail.send(new GetAutoSnapshotsCommand({ resourceName }))).autoSnapshots!.map((a) => a.status);

  it("cannot be deleted, nor deleted with their source, until the restore is done", async () => {
    await t.lightsail.send(new CreateDiskCommand({ diskName: "vault", sizeInGb: 32, availabilityZone: "us-east-1a", addOns: at6 }));
    await t.advance("1d"); // the disk is created and the 03-02 snapshot starts
    await advanceUntil(t, "61s", async () => (await statuses("vault")).join() === "Success", "the automatic snapshot");
    await t.lightsail.send(
      new CreateDiskFromSnapshotCommand({ diskName: "copy", availabilityZone: "us-east-1b", sizeInGb: 32, sourceDiskName: "vault", restoreDate: "2026-03-02" }),
    );
    await rejectsWith(
      t.lightsail.send(new DeleteAutoSnapshotCommand({ resourceName: "vault", date: "2026-03-02" })),
      "OperationFailureException",
      /The snapshot vault \(automatic, 2026-03-02\) is in use by resources that are being created from it: copy/,
    );
    await rejectsWith(t.lightsail.send(new DeleteDiskCommand({ diskName: "vault" })), "OperationFailureException", /in use by resources that are being created from it: copy/);
    await t.advance("61s");
    await t.skiff.idle();
    await t.lightsail.send(new DeleteAutoSnapshotCommand({ resourceName: "vault", date: "2026-03-02" }));
    await t.advance("61s");
    await t.skiff.idle();
  });

  it("restore instances only from one that succeeded", async () => {
    await t.lightsail.send(new CreateInstancesCommand({ instanceNames: ["web"], availabilityZone: "us-east-1a", blueprintId: "debian_12", bundleId: "nano_3_0", addOns: at6 }));
    await t.advance("1d"); // the instance comes up; the 03-02 snapshot starts
    await advanceUntil(t, "1s", async () => (await statuses("web")).join() === "InProgress", "the automatic snapshot to start");
    await rejectsWith(
      t.lightsail.send(
        new CreateInstancesFromSnapshotCommand({ instanceNames: ["copy"], availabilityZone: "us-east-1a", bundleId: "nano_3_0", sourceInstanceName: "web", restoreDate: "2026-03-02" }),
      ),
      "OperationFailureException",
      /The state of this automatic snapshot is: InProgress/,
    );
    await rejectsWith(
      t.lightsail.send(new DeleteAutoSnapshotCommand({ resourceName: "web", date: "2026-03-02" })),
      "OperationFailureException",
      /The state of this automatic snapshot is: InProgress/,
    );
    await t.advance("61s");
    await t.skiff.idle();
    assert.deepEqual(await statuses("web"), ["Success"]);
  });
});

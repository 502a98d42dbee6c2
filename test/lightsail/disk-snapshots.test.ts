import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import {
  AttachDiskCommand,
  CreateDiskCommand,
  CreateDiskFromSnapshotCommand,
  type CreateDiskFromSnapshotRequest,
  CreateDiskSnapshotCommand,
  DeleteDiskCommand,
  DeleteDiskSnapshotCommand,
  GetDiskCommand,
  GetDisksCommand,
  GetDiskSnapshotCommand,
  GetDiskSnapshotsCommand,
  GetInstanceCommand,
} from "@aws-sdk/client-lightsail";
import { availableDisk, runningInstances, setClock, holdTransitionalState, setInstanceState, storedOperation } from "../helpers/lightsail.js";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";

describe("Disk snapshots", () => {
  const t = useTestSkiff();

  it("snapshots a disk with two Started operations and completes at 100%", async () => {
    await availableDisk(t, "data", 32);
    const { operations } = await t.lightsail.send(new CreateDiskSnapshotCommand({ diskName: "data", diskSnapshotName: "data-snap", tags: [{ key: "k" }] }));
    assert.deepEqual(
      operations?.map((o) => [o.resourceName, o.resourceType, o.location?.availabilityZone, o.operationType, o.operationDetails, o.status]),
      [
        ["data-snap", "DiskSnapshot", "all", "CreateDiskSnapshot", "data", "Started"],
        ["data", "Disk", "us-east-1a", "CreateDiskSnapshot", "data-snap", "Started"],
      ],
    );
    await t.skiff.idle();
    const { diskSnapshot: s } = await t.lightsail.send(new GetDiskSnapshotCommand({ diskSnapshotName: "data-snap" }));
    const { disk } = await t.lightsail.send(new GetDiskCommand({ diskName: "data" }));
    assert.ok(s);
    assert.match(s.arn!, /^arn:aws:lightsail:us-east-1:000000000000:DiskSnapshot\/[0-9a-f-]{36}$/);
    assert.match(s.supportCode!, /^\d{12}\/snap-[0-9a-f]{17}$/);
    assert.deepEqual(s.location, { availabilityZone: "all", regionName: "us-east-1" });
    assert.deepEqual(
      [s.resourceType, s.state, s.progress, s.sizeInGb, s.fromDiskName, s.fromDiskArn, s.fromInstanceName, s.isFromAutoSnapshot],
      ["DiskSnapshot", "completed", "100%", 32, "data", disk?.arn, undefined, false],
    );
    assert.deepEqual(s.tags, [{ key: "k" }]);
    for (const op of operations!) assert.equal((await storedOperation(t, op.id!)).status, "Succeeded");
  });

  it("snapshots the system disk of an instance given instanceName", async () => {
    await runningInstances(t, ["web"], { bundleId: "small_3_0" });
    const { operations } = await t.lightsail.send(new CreateDiskSnapshotCommand({ instanceName: "web", diskSnapshotName: "root" }));
    assert.deepEqual(operations?.map((o) => [o.resourceType, o.resourceName, o.operationDetails]), [["DiskSnapshot", "root", "web"], ["Instance", "web", "root"]]);
    await t.skiff.idle();
    const { diskSnapshot: s } = await t.lightsail.send(new GetDiskSnapshotCommand({ diskSnapshotName: "root" }));
    const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: "web" }));
    assert.deepEqual([s?.fromInstanceName, s?.fromInstanceArn, s?.fromDiskName, s?.sizeInGb, s?.state], ["web", instance?.arn, undefined, 60, "completed"]);
  });

  it("snapshots an attached disk", async () => {
    await runningInstances(t, ["web"]);
    await availableDisk(t, "data");
    await t.lightsail.send(new AttachDiskCommand({ diskName: "data", instanceName: "web", diskPath: "/dev/xvdf" }));
    await t.skiff.idle();
    await t.lightsail.send(new CreateDiskSnapshotCommand({ diskName: "data", diskSnapshotName: "hot" }));
    await t.skiff.idle();
    assert.equal((await t.lightsail.send(new GetDiskSnapshotCommand({ diskSnapshotName: "hot" }))).diskSnapshot?.state, "completed");
  });

  const invalid: [string, Record<string, unknown>, string, RegExp][] = [
    ["both a disk and an instance", { diskName: "data", instanceName: "web" }, "InvalidInputException", /The diskName and instanceName parameters are mutually exclusive/],
    ["neither a disk nor an instance", {}, "InvalidInputException", /Specify diskName to snapshot a disk, or instanceName/],
    ["an unknown disk", { diskName: "nope" }, "NotFoundException", /Disk does not exist: nope/],
    ["an unknown instance", { instanceName: "nope" }, "NotFoundException", /Instance does not exist: nope/],
    ["a name in use", { diskName: "data", diskSnapshotName: "web" }, "InvalidInputException", /Some names are already in use: web/],
    ["a bad name", { diskName: "data", diskSnapshotName: "a b" }, "InvalidInputException", /disk snapshot name 'a b' is not valid/],
  ];
  for (const [what, patch, error, message] of invalid) {
    it(`rejects ${what}, creating nothing`, async () => {
      await runningInstances(t, ["web"]);
      await availableDisk(t, "data");
      await rejectsWith(t.lightsail.send(new CreateDiskSnapshotCommand({ diskSnapshotName: "snap", ...patch })), error, message);
      assert.deepEqual((await t.lightsail.send(new GetDiskSnapshotsCommand({}))).diskSnapshots, []);
    });
  }

  it("rejects a snapshot of a stopping instance's system disk", async () => {
    await runningInstances(t, ["web"]);
    await holdTransitionalState(t, "web", "stopping");
    await rejectsWith(
      t.lightsail.send(new CreateDiskSnapshotCommand({ instanceName: "web", diskSnapshotName: "root" })),
      "OperationFailureException",
      /The state of this instance is: stopping/,
    );
  });

  it("deletes a snapshot with a Succeeded operation; the disk it came from stays", async () => {
    await availableDisk(t, "data");
    await t.lightsail.send(new CreateDiskSnapshotCommand({ diskName: "data", diskSnapshotName: "old" }));
    await t.skiff.idle();
    const { operations } = await t.lightsail.send(new DeleteDiskSnapshotCommand({ diskSnapshotName: "old" }));
    assert.deepEqual(
      operations?.map((o) => [o.resourceName, o.resourceType, o.operationType, o.status, o.location?.availabilityZone]),
      [["old", "DiskSnapshot", "DeleteDiskSnapshot", "Succeeded", "all"]],
    );
    await rejectsWith(t.lightsail.send(new GetDiskSnapshotCommand({ diskSnapshotName: "old" })), "NotFoundException", /DiskSnapshot does not exist: old/);
    await rejectsWith(t.lightsail.send(new DeleteDiskSnapshotCommand({ diskSnapshotName: "old" })), "NotFoundException", /DiskSnapshot does not exist: old/);
    assert.equal((await t.lightsail.send(new GetDiskCommand({ diskName: "data" }))).disk?.state, "available");
  });

  it("outlives the disk it was taken from", async () => {
    await availableDisk(t, "data", 16);
    await t.lightsail.send(new CreateDiskSnapshotCommand({ diskName: "data", diskSnapshotName: "keep" }));
    await t.skiff.idle();
    await t.lightsail.send(new DeleteDiskCommand({ diskName: "data" }));
    const { diskSnapshot } = await t.lightsail.send(new GetDiskSnapshotCommand({ diskSnapshotName: "keep" }));
    assert.deepEqual([diskSnapshot?.state, diskSnapshot?.fromDiskName], ["completed", "data"]);
  });

  describe("CreateDiskFromSnapshot", () => {
    beforeEach(async () => {
      await availableDisk(t, "data", 16);
      await t.lightsail.send(new CreateDiskSnapshotCommand({ diskName: "data", diskSnapshotName: "snap" }));
      await t.skiff.idle();
    });
    const fromSnap = (patch: Partial<CreateDiskFromSnapshotRequest> = {}) =>
      new CreateDiskFromSnapshotCommand({ diskName: "restored", availabilityZone: "us-east-1c", sizeInGb: 16, diskSnapshotName: "snap", ...patch });

    it("creates a disk from a snapshot, in any zone, as large or larger", async () => {
      const { operations } = await t.lightsail.send(fromSnap({ sizeInGb: 64, tags: [{ key: "from", value: "snap" }] }));
      assert.deepEqual(
        operations?.map((o) => [o.resourceName, o.resourceType, o.operationType, o.status, o.location?.availabilityZone]),
        [["restored", "Disk", "CreateDiskFromSnapshot", "Started", "us-east-1c"]],
      );
      await t.skiff.idle();
      const { disk } = await t.lightsail.send(new GetDiskCommand({ diskName: "restored" }));
      assert.deepEqual([disk?.state, disk?.sizeInGb, disk?.iops, disk?.isAttached, disk?.tags], ["available", 64, 192, false, [{ key: "from", value: "snap" }]]);
      assert.equal((await storedOperation(t, operations![0]!.id!)).status, "Succeeded");
    });

    it("creates a disk from the system disk snapshot of an instance", async () => {
      await runningInstances(t, ["web"]);
      await t.lightsail.send(new CreateDiskSnapshotCommand({ instanceName: "web", diskSnapshotName: "root" }));
      await t.skiff.idle();
      await t.lightsail.send(fromSnap({ diskSnapshotName: "root", sizeInGb: 20 }));
      await t.skiff.idle();
      assert.equal((await t.lightsail.send(new GetDiskCommand({ diskName: "restored" }))).disk?.state, "available");
    });

    const rejected: [string, Partial<CreateDiskFromSnapshotRequest>, string, RegExp][] = [
      ["a size smaller than the snapshot", { sizeInGb: 8 }, "InvalidInputException", /disk size 8 GB is smaller than the disk snapshot snap \(16 GB\)/],
      ["a size over the limit", { sizeInGb: 20000 }, "InvalidInputException", /must be between 8 and 16384 GB/],
      ["both a snapshot and a source disk", { sourceDiskName: "data" }, "InvalidInputException", /The diskSnapshotName and sourceDiskName parameters are mutually exclusive/],
      ["a restore date with a manual snapshot", { restoreDate: "2026-01-01" }, "InvalidInputException", /can be used only with sourceDiskName/],
      ["a source disk without a date", { diskSnapshotName: undefined, sourceDiskName: "data" }, "InvalidInputException", /With sourceDiskName, specify restoreDate/],
      ["a restore date with latest", { diskSnapshotName: undefined, sourceDiskName: "data", restoreDate: "2026-01-01", useLatestRestorableAutoSnapshot: true },
        "InvalidInputException", /restoreDate and useLatestRestorableAutoSnapshot parameters are mutually exclusive/],
      ["an unknown snapshot", { diskSnapshotName: "nope" }, "NotFoundException", /DiskSnapshot does not exist: nope/],
      ["a name in use", { diskName: "data" }, "InvalidInputException", /Some names are already in use: data/],
      ["a zone of another region", { availabilityZone: "us-west-2a" }, "InvalidInputException", /Availability Zone 'us-west-2a' is not valid/],
      ["an unknown source disk", { diskSnapshotName: undefined, sourceDiskName: "nope", useLatestRestorableAutoSnapshot: true }, "NotFoundException", /Disk does not exist: nope/],
      ["a source disk without automatic snapshots", { diskSnapshotName: undefined, sourceDiskName: "data", useLatestRestorableAutoSnapshot: true },
        "NotFoundException", /The resource data has no automatic snapshot that can be restored yet/],
    ];
    for (const [what, patch, error, message] of rejected) {
      it(`rejects ${what}, creating nothing`, async () => {
        await rejectsWith(t.lightsail.send(fromSnap(patch)), error, message);
        assert.deepEqual((await t.lightsail.send(new GetDisksCommand({}))).disks?.map((d) => d.name), ["data"]);
      });
    }

    it("restores from a disk's automatic snapshot found by its date", async () => {
      await setClock(t, "2026-05-10T12:00:00Z");
      await t.lightsail.send(
        new CreateDiskCommand({
          diskName: "nightly", sizeInGb: 40, availabilityZone: "us-east-1a",
          addOns: [{ addOnType: "AutoSnapshot", autoSnapshotAddOnRequest: { snapshotTimeOfDay: "01:00" } }],
        }),
      );
      await t.advance("2d");
      await t.skiff.idle();
      await t.lightsail.send(fromSnap({ diskSnapshotName: undefined, sourceDiskName: "nightly", restoreDate: "2026-05-11", sizeInGb: 40 }));
      await t.lightsail.send(fromSnap({ diskName: "newest", diskSnapshotName: undefined, sourceDiskName: "nightly", useLatestRestorableAutoSnapshot: true, sizeInGb: 40 }));
      await t.skiff.idle();
      for (const name of ["restored", "newest"]) {
        assert.deepEqual(
          [(await t.lightsail.send(new GetDiskCommand({ diskName: name }))).disk?.state, (await t.lightsail.send(new GetDiskCommand({ diskName: name }))).disk?.sizeInGb],
          ["available", 40],
        );
      }
    });
  });
});

describe("Disk snapshots while work is in progress", () => {
  const t = useTestSkiff({ transitionMs: 60_000 }, { reset: false });

  it("are pending at 0% until copied, and cannot be restored or deleted meanwhile; a restore holds them", async () => {
    await t.lightsail.send(new CreateDiskCommand({ diskName: "data", sizeInGb: 8, availabilityZone: "us-east-1a" }));
    await rejectsWith(
      t.lightsail.send(new CreateDiskSnapshotCommand({ diskName: "data", diskSnapshotName: "early" })),
      "OperationFailureException",
      /You can't create a snapshot of this disk right now. The state of this disk is: pending/,
    );
    await t.advance("61s");
    await t.skiff.idle();
    await t.lightsail.send(new CreateDiskSnapshotCommand({ diskName: "data", diskSnapshotName: "snap" }));
    const { diskSnapshot } = await t.lightsail.send(new GetDiskSnapshotCommand({ diskSnapshotName: "snap" }));
    assert.deepEqual([diskSnapshot?.state, diskSnapshot?.progress], ["pending", "0%"]);
    await rejectsWith(t.lightsail.send(new DeleteDiskSnapshotCommand({ diskSnapshotName: "snap" })), "OperationFailureException", /state of this snapshot is: pending/);
    await rejectsWith(
      t.lightsail.send(new CreateDiskFromSnapshotCommand({ diskName: "copy", availabilityZone: "us-east-1a", sizeInGb: 8, diskSnapshotName: "snap" })),
      "OperationFailureException",
      /You can't create a disk from this snapshot right now. The state of this snapshot is: pending/,
    );
    await t.advance("61s");
    await t.skiff.idle();
    await t.lightsail.send(new CreateDiskFromSnapshotCommand({ diskName: "copy", availabilityZone: "us-east-1a", sizeInGb: 8, diskSnapshotName: "snap" }));
    assert.equal((await t.lightsail.send(new GetDiskCommand({ diskName: "copy" }))).disk?.state, "pending");
    await rejectsWith(
      t.lightsail.send(new DeleteDiskSnapshotCommand({ diskSnapshotName: "snap" })),
      "OperationFailureException",
      /The snapshot snap is in use by resources that are being created from it: copy/,
    );
    await t.advance("61s");
    await t.skiff.idle();
    assert.equal((await t.lightsail.send(new GetDiskCommand({ diskName: "copy" }))).disk?.state, "available");
    await t.lightsail.send(new DeleteDiskSnapshotCommand({ diskSnapshotName: "snap" }));
    await t.advance("61s"); // lets the removal of the snapshot's copies finish
    await t.skiff.idle();
  });
});

describe("GetDiskSnapshots paging", () => {
  const t = useTestSkiff({ pageSize: 2 }, { reset: false });

  it("pages through every disk snapshot", async () => {
    await availableDisk(t, "data");
    for (const n of ["s1", "s2", "s3"]) await t.lightsail.send(new CreateDiskSnapshotCommand({ diskName: "data", diskSnapshotName: n }));
    const first = await t.lightsail.send(new GetDiskSnapshotsCommand({}));
    const second = await t.lightsail.send(new GetDiskSnapshotsCommand({ pageToken: first.nextPageToken }));
    assert.deepEqual([...first.diskSnapshots!, ...second.diskSnapshots!].map((s) => s.name), ["s1", "s2", "s3"]);
    assert.equal(second.nextPageToken, undefined);
  });
});

import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import {
  AttachDiskCommand,
  CreateDiskCommand,
  CreateInstancesCommand,
  DeleteDiskCommand,
  DetachDiskCommand,
  GetDiskCommand,
  GetDisksCommand,
  GetInstanceCommand,
  GetInstancesCommand,
} from "@aws-sdk/client-lightsail";
import { detachDisksOnInstanceDelete } from "../../src/services/lightsail/disks/detach-on-delete.js";
import { availableDisk, runningInstances, holdTransitionalState, setInstanceState, storedOperation, US_EAST_1 } from "../helpers/lightsail.js";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";

describe("Block storage disks", () => {
  const t = useTestSkiff();

  /** The running instance "box" with the disk "data" attached at /dev/xvdf, the worker idle. */
  const boxWithDataDisk = async () => {
    await runningInstances(t, ["box"]);
    await availableDisk(t, "data");
    await t.lightsail.send(new AttachDiskCommand({ diskName: "data", instanceName: "box", diskPath: "/dev/xvdf" }));
    await t.skiff.idle();
  };

  it("creates a disk with a Started CreateDisk operation that ends Succeeded", async () => {
    const { operations } = await t.lightsail.send(new CreateDiskCommand({ diskName: "data", sizeInGb: 8, availabilityZone: "us-east-1b" }));
    assert.equal(operations?.length, 1);
    const op = operations![0]!;
    assert.deepEqual(
      [op.resourceName, op.resourceType, op.operationType, op.status, op.isTerminal],
      ["data", "Disk", "CreateDisk", "Started", false],
    );
    assert.deepEqual(op.location, { availabilityZone: "us-east-1b", regionName: "us-east-1" });
    await t.skiff.idle();
    assert.equal((await storedOperation(t, op.id!)).status, "Succeeded");
  });

  it("reports an available, detached disk with the fields of the real GetDisk", async () => {
    await t.lightsail.send(
      new CreateDiskCommand({ diskName: "shape", sizeInGb: 8, availabilityZone: "us-east-1a", tags: [{ key: "team", value: "db" }] }),
    );
    await t.skiff.idle();
    const { disk } = await t.lightsail.send(new GetDiskCommand({ diskName: "shape" }));
    assert.ok(disk);
    assert.match(disk.arn!, /^arn:aws:lightsail:us-east-1:000000000000:Disk\/[0-9a-f-]{36}$/);
    assert.match(disk.supportCode!, /^\d{12}\/vol-[0-9a-f]{17}$/);
    assert.equal(disk.resourceType, "Disk");
    assert.deepEqual(disk.location, { availabilityZone: "us-east-1a", regionName: "us-east-1" });
    assert.deepEqual(disk.tags, [{ key: "team", value: "db" }]);
    assert.deepEqual(disk.addOns, []);
    assert.equal(disk.sizeInGb, 8);
    assert.equal(disk.iops, 100);
    assert.equal(disk.isSystemDisk, false);
    assert.equal(disk.state, "available");
    assert.equal(disk.isAttached, false);
    assert.equal(disk.attachmentState, "detached");
    assert.equal(disk.attachedTo, undefined);
    assert.equal(disk.path, undefined);
  });

  it("gives larger disks 3 IOPS per GB", async () => {
    await availableDisk(t, "big", 500);
    const { disk } = await t.lightsail.send(new GetDiskCommand({ diskName: "big" }));
    assert.equal(disk?.iops, 1500);
  });

  it("records an AutoSnapshot add-on given at creation", async () => {
    await t.lightsail.send(
      new CreateDiskCommand({
        diskName: "snappy", sizeInGb: 16, availabilityZone: "us-east-1a",
        addOns: [{ addOnType: "AutoSnapshot", autoSnapshotAddOnRequest: { snapshotTimeOfDay: "09:00" } }],
      }),
    );
    const { disk } = await t.lightsail.send(new GetDiskCommand({ diskName: "snappy" }));
    assert.deepEqual(disk?.addOns, [{ name: "AutoSnapshot", status: "Enabled", snapshotTimeOfDay: "09:00", nextSnapshotTimeOfDay: "09:00" }]);
  });

  const invalid: [string, Record<string, unknown>, RegExp][] = [
    ["7 GB", { sizeInGb: 7 }, /must be between 8 and 16384 GB/],
    ["16385 GB", { sizeInGb: 16385 }, /must be between 8 and 16384 GB/],
    ["a fractional size", { sizeInGb: 8.5 }, /must be between 8 and 16384 GB.*8\.5/],
    ["a zone of another region", { availabilityZone: "eu-west-1a" }, /Availability Zone 'eu-west-1a' is not valid/],
    ["a bad name", { diskName: "-disk" }, /disk name '-disk' is not valid/],
    ["the StopInstanceOnIdle add-on", { addOns: [{ addOnType: "StopInstanceOnIdle" }] }, /StopInstanceOnIdle is available for instances only/],
    ["a snapshot time not on the hour", { addOns: [{ addOnType: "AutoSnapshot", autoSnapshotAddOnRequest: { snapshotTimeOfDay: "25:00" } }] }, /'25:00' is not valid/],
  ];
  for (const [what, patch, message] of invalid) {
    it(`rejects ${what} with InvalidInputException and creates nothing`, async () => {
      await rejectsWith(
        t.lightsail.send(new CreateDiskCommand({ diskName: "d1", sizeInGb: 8, availabilityZone: "us-east-1a", ...patch } as never)),
        "InvalidInputException",
        message,
      );
      assert.deepEqual((await t.lightsail.send(new GetDisksCommand({}))).disks, []);
    });
  }

  it("shares the name space with instances", async () => {
    await runningInstances(t, ["shared"]);
    const err = await rejectsWith(
      t.lightsail.send(new CreateDiskCommand({ diskName: "shared", sizeInGb: 8, availabilityZone: "us-east-1a" })),
      "InvalidInputException",
      /Some names are already in use: shared/,
    );
    assert.equal(err.code, "NameExists");
  });

  it("answers NotFoundException for an unknown disk", async () => {
    await rejectsWith(t.lightsail.send(new GetDiskCommand({ diskName: "ghost" })), "NotFoundException", /Disk does not exist: ghost/);
  });

  it("attaches a disk with two Started AttachDisk operations and shows it in the instance's hardware", async () => {
    await runningInstances(t, ["box"]);
    await availableDisk(t, "data");
    const { operations } = await t.lightsail.send(new AttachDiskCommand({ diskName: "data", instanceName: "box", diskPath: "/dev/xvdf", autoMounting: true }));
    assert.deepEqual(
      operations?.map((o) => [o.resourceType, o.resourceName, o.operationType, o.operationDetails, o.status]),
      [
        ["Disk", "data", "AttachDisk", "box", "Started"],
        ["Instance", "box", "AttachDisk", "data", "Started"],
      ],
    );
    const attaching = (await t.lightsail.send(new GetDiskCommand({ diskName: "data" }))).disk!;
    assert.equal(attaching.state, "in-use");
    await t.skiff.idle();
    const { disk } = await t.lightsail.send(new GetDiskCommand({ diskName: "data" }));
    assert.deepEqual(
      [disk?.state, disk?.isAttached, disk?.attachedTo, disk?.path, disk?.attachmentState, disk?.autoMountStatus],
      ["in-use", true, "box", "/dev/xvdf", "attached", "Mounted"],
    );
    const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: "box" }));
    assert.deepEqual(
      instance?.hardware?.disks?.map((d) => [d.name, d.path, d.isSystemDisk, d.sizeInGb, d.attachedTo]),
      [
        [undefined, "/dev/xvda", true, 20, "box"],
        ["data", "/dev/xvdf", false, 8, "box"],
      ],
    );
    for (const op of operations!) {
      assert.equal((await storedOperation(t, op.id!)).status, "Succeeded");
    }
  });

  it("lists each instance's own disks in GetInstances", async () => {
    await runningInstances(t, ["a1", "a2", "a3"]);
    await availableDisk(t, "d1");
    await availableDisk(t, "d2");
    await availableDisk(t, "d3");
    await t.lightsail.send(new AttachDiskCommand({ diskName: "d1", instanceName: "a1", diskPath: "/dev/xvdg" }));
    await t.lightsail.send(new AttachDiskCommand({ diskName: "d2", instanceName: "a1", diskPath: "/dev/xvdf" }));
    await t.lightsail.send(new AttachDiskCommand({ diskName: "d3", instanceName: "a3", diskPath: "/dev/xvdf" }));
    await t.skiff.idle();
    const { instances } = await t.lightsail.send(new GetInstancesCommand({}));
    assert.deepEqual(
      instances?.map((i) => [i.name, i.hardware?.disks?.map((d) => d.name ?? "system")]),
      [
        ["a1", ["system", "d2", "d1"]],
        ["a2", ["system"]],
        ["a3", ["system", "d3"]],
      ],
    );
  });

  describe("AttachDisk rejects", () => {
    beforeEach(async () => {
      await runningInstances(t, ["box"]);
      await runningInstances(t, ["far"], { availabilityZone: "us-east-1c" });
      await availableDisk(t, "data");
      await availableDisk(t, "other");
    });

    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ["an unknown disk", { diskName: "nope" }, "NotFoundException", /Disk does not exist: nope/],
      ["an unknown instance", { instanceName: "nope" }, "NotFoundException", /Instance does not exist: nope/],
      ["an instance in another zone", { instanceName: "far" }, "InvalidInputException", /us-east-1a but the instance far is in us-east-1c/],
      ["the system disk's path", { diskPath: "/dev/xvda" }, "InvalidInputException", /disk path '\/dev\/xvda' is not valid/],
      ["a path that is no device", { diskPath: "/mnt/data" }, "InvalidInputException", /disk path '\/mnt\/data' is not valid/],
    ];
    for (const [what, patch, error, message] of cases) {
      it(what, async () => {
        await rejectsWith(
          t.lightsail.send(new AttachDiskCommand({ diskName: "data", instanceName: "box", diskPath: "/dev/xvdf", ...patch })),
          error,
          message,
        );
        const { disk } = await t.lightsail.send(new GetDiskCommand({ diskName: "data" }));
        assert.equal(disk?.isAttached, false);
      });
    }

    it("a path another disk of the instance uses (xvdf and sdf are one device)", async () => {
      await t.lightsail.send(new AttachDiskCommand({ diskName: "other", instanceName: "box", diskPath: "/dev/xvdf" }));
      await rejectsWith(
        t.lightsail.send(new AttachDiskCommand({ diskName: "data", instanceName: "box", diskPath: "/dev/sdf" })),
        "InvalidInputException",
        /path \/dev\/sdf is already used by the disk other on the instance box/,
      );
    });

    it("a disk that is already attached", async () => {
      await t.lightsail.send(new AttachDiskCommand({ diskName: "data", instanceName: "box", diskPath: "/dev/xvdf" }));
      await t.skiff.idle();
      await rejectsWith(
        t.lightsail.send(new AttachDiskCommand({ diskName: "data", instanceName: "box", diskPath: "/dev/xvdg" })),
        "OperationFailureException",
        /You can't attach this disk right now. The state of this disk is: in-use/,
      );
    });

    it("an instance that is not running or stopped", async () => {
      await holdTransitionalState(t, "box", "stopping");
      await rejectsWith(
        t.lightsail.send(new AttachDiskCommand({ diskName: "data", instanceName: "box", diskPath: "/dev/xvdf" })),
        "OperationFailureException",
        /state of this instance is: stopping/,
      );
    });
  });

  it("allows fifteen attached disks; for a sixteenth every path is taken", async () => {
    await runningInstances(t, ["many"]);
    const letters = "fghijklmnopqrst";
    for (const l of letters) {
      await t.lightsail.send(new CreateDiskCommand({ diskName: `d-${l}`, sizeInGb: 8, availabilityZone: "us-east-1a" }));
    }
    await t.lightsail.send(new CreateDiskCommand({ diskName: "d-extra", sizeInGb: 8, availabilityZone: "us-east-1a" }));
    await t.skiff.idle();
    for (const l of letters) await t.lightsail.send(new AttachDiskCommand({ diskName: `d-${l}`, instanceName: "many", diskPath: `/dev/xvd${l}` }));
    await t.skiff.idle();
    const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: "many" }));
    assert.equal(instance?.hardware?.disks?.length, 16);
    await rejectsWith(
      t.lightsail.send(new AttachDiskCommand({ diskName: "d-extra", instanceName: "many", diskPath: "/dev/sdt" })),
      "InvalidInputException",
      /path \/dev\/sdt is already used by the disk d-t/,
    );
    await rejectsWith(
      t.lightsail.send(new AttachDiskCommand({ diskName: "d-extra", instanceName: "many", diskPath: "/dev/sdu" })),
      "InvalidInputException",
      /disk path '\/dev\/sdu' is not valid/,
    );
  });

  it("refuses to detach a disk from a running instance, with the real message", async () => {
    await boxWithDataDisk();
    await rejectsWith(
      t.lightsail.send(new DetachDiskCommand({ diskName: "data" })),
      "OperationFailureException",
      /^You can only detach the disk when the target instance is stopped. The current state of your instance is: running$/,
    );
  });

  it("detaches a disk from a stopped instance with two DetachDisk operations", async () => {
    await boxWithDataDisk();
    await setInstanceState(t, "box", "stopped");
    const { operations } = await t.lightsail.send(new DetachDiskCommand({ diskName: "data" }));
    assert.deepEqual(
      operations?.map((o) => [o.resourceType, o.resourceName, o.operationType, o.operationDetails, o.status]),
      [
        ["Disk", "data", "DetachDisk", "box", "Started"],
        ["Instance", "box", "DetachDisk", "data", "Started"],
      ],
    );
    await t.skiff.idle();
    const { disk } = await t.lightsail.send(new GetDiskCommand({ diskName: "data" }));
    assert.deepEqual([disk?.state, disk?.isAttached, disk?.attachedTo, disk?.path, disk?.attachmentState], ["available", false, undefined, undefined, "detached"]);
    const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: "box" }));
    assert.equal(instance?.hardware?.disks?.length, 1);
  });

  it("refuses to detach a disk that is not attached, with the real message", async () => {
    await availableDisk(t, "loose");
    await rejectsWith(
      t.lightsail.send(new DetachDiskCommand({ diskName: "loose" })),
      "OperationFailureException",
      /^You can't detach this disk right now. The state of this disk is: available$/,
    );
  });

  it("refuses to delete an attached disk, naming the instance, and keeps it", async () => {
    await boxWithDataDisk();
    await rejectsWith(
      t.lightsail.send(new DeleteDiskCommand({ diskName: "data" })),
      "OperationFailureException",
      /^You can't perform this operation because the disk is still attached to a Lightsail instance: box$/,
    );
    assert.equal((await t.lightsail.send(new GetDiskCommand({ diskName: "data" }))).disk?.state, "in-use");
  });

  it("deletes a detached disk at once and frees its name", async () => {
    await availableDisk(t, "gone");
    const { operations } = await t.lightsail.send(new DeleteDiskCommand({ diskName: "gone", forceDeleteAddOns: true }));
    assert.deepEqual(
      operations?.map((o) => [o.resourceType, o.resourceName, o.operationType, o.status, o.isTerminal]),
      [["Disk", "gone", "DeleteDisk", "Succeeded", true]],
    );
    await rejectsWith(t.lightsail.send(new GetDiskCommand({ diskName: "gone" })), "NotFoundException", /Disk does not exist: gone/);
    await t.lightsail.send(new CreateInstancesCommand({ instanceNames: ["gone"], availabilityZone: "us-east-1a", blueprintId: "debian_12", bundleId: "nano_3_0" }));
    await rejectsWith(t.lightsail.send(new DeleteDiskCommand({ diskName: "gone" })), "NotFoundException", /Disk does not exist: gone/);
  });

  it("detaches, never deletes, the disks of an instance being deleted (the DeleteInstance hook)", async () => {
    await runningInstances(t, ["doomed"]);
    await availableDisk(t, "keep-1");
    await availableDisk(t, "keep-2");
    await t.lightsail.send(new AttachDiskCommand({ diskName: "keep-1", instanceName: "doomed", diskPath: "/dev/xvdf" }));
    await t.lightsail.send(new AttachDiskCommand({ diskName: "keep-2", instanceName: "doomed", diskPath: "/dev/xvdg" }));
    await t.skiff.idle();
    const operations = await t.skiff.store.transaction(async (tx) => {
      const instance = (await tx.instances.get(US_EAST_1, "doomed"))!;
      const ops = await detachDisksOnInstanceDelete(tx, US_EAST_1, instance, t.skiff.clock.now());
      await tx.instances.delete(US_EAST_1, "doomed");
      return ops;
    });
    assert.deepEqual(
      operations.map((o) => [o.resourceType, o.resourceName, o.operationType, o.operationDetails, o.status]),
      [
        ["Disk", "keep-1", "DetachDisk", "doomed", "Started"],
        ["Instance", "doomed", "DetachDisk", "keep-1", "Started"],
        ["Disk", "keep-2", "DetachDisk", "doomed", "Started"],
        ["Instance", "doomed", "DetachDisk", "keep-2", "Started"],
      ],
    );
    await t.skiff.idle();
    const { disks } = await t.lightsail.send(new GetDisksCommand({}));
    assert.deepEqual(disks?.map((d) => [d.name, d.state, d.isAttached]), [["keep-1", "available", false], ["keep-2", "available", false]]);
    assert.equal((await storedOperation(t, operations[0]!.id!)).status, "Succeeded");
  });
});

describe("Block storage disks while work is in progress", () => {
  const t = useTestSkiff({ transitionMs: 60_000 });

  it("shows a new disk as pending and refuses to attach or delete it until it is available", async () => {
    await t.lightsail.send(new CreateInstancesCommand({ instanceNames: ["slow"], availabilityZone: "us-east-1a", blueprintId: "debian_12", bundleId: "nano_3_0" }));
    await t.lightsail.send(new CreateDiskCommand({ diskName: "fresh", sizeInGb: 8, availabilityZone: "us-east-1a" }));
    assert.equal((await t.lightsail.send(new GetDiskCommand({ diskName: "fresh" }))).disk?.state, "pending");
    await rejectsWith(
      t.lightsail.send(new AttachDiskCommand({ diskName: "fresh", instanceName: "slow", diskPath: "/dev/xvdf" })),
      "OperationFailureException",
      /You can't attach this disk right now. The state of this disk is: pending/,
    );
    await rejectsWith(t.lightsail.send(new DeleteDiskCommand({ diskName: "fresh" })), "OperationFailureException", /state of this disk is: pending/);
    await t.advance("61s");
    await t.skiff.idle();
    assert.equal((await t.lightsail.send(new GetDiskCommand({ diskName: "fresh" }))).disk?.state, "available");
  });
});

describe("GetDisks paging", () => {
  const t = useTestSkiff({ pageSize: 2 }, { reset: false });

  it("pages through every disk in creation order", async () => {
    for (const n of ["p1", "p2", "p3", "p4", "p5"]) {
      await t.lightsail.send(new CreateDiskCommand({ diskName: n, sizeInGb: 8, availabilityZone: "us-east-1a" }));
    }
    const names: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const page = await t.lightsail.send(new GetDisksCommand({ pageToken }));
      names.push(...page.disks!.map((d) => d.name!));
      pageToken = page.nextPageToken;
      pages++;
    } while (pageToken);
    assert.deepEqual(names, ["p1", "p2", "p3", "p4", "p5"]);
    assert.equal(pages, 3);
    await rejectsWith(t.lightsail.send(new GetDisksCommand({ pageToken: "bogus!" })), "InvalidInputException", /page token 'bogus!' is not valid/);
  });
});

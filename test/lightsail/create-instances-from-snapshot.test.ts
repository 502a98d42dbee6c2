import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import {
  AttachDiskCommand,
  CreateDiskCommand,
  CreateInstancesCommand,
  CreateInstancesFromSnapshotCommand,
  type CreateInstancesFromSnapshotRequest,
  CreateInstanceSnapshotCommand,
  DeleteInstanceSnapshotCommand,
  GetAutoSnapshotsCommand,
  GetDiskCommand,
  GetDisksCommand,
  GetInstanceCommand,
  GetInstancesCommand,
  GetInstanceSnapshotCommand,
} from "@aws-sdk/client-lightsail";
import { generateSshKey } from "../../src/core/ssh-keys.js";
import { detachDisksOnInstanceDelete } from "../../src/services/lightsail/disks/detach-on-delete.js";
import { availableDisk, runningInstances, setClock, storedOperation, US_EAST_1 } from "../helpers/lightsail.js";
import { rejectsWith, useTestSkiff, type TestSkiff } from "../helpers/skiff.js";

/** A running micro WordPress instance "src" in us-east-1a with disks at /dev/xvdf (8 GB) and /dev/xvdg (16 GB), and its snapshot "snap". */
async function sourceWithSnapshot(t: TestSkiff) {
  await runningInstances(t, ["src"], { blueprintId: "wordpress", bundleId: "micro_3_0" });
  await availableDisk(t, "src-data", 8);
  await availableDisk(t, "src-logs", 16);
  await t.lightsail.send(new AttachDiskCommand({ diskName: "src-data", instanceName: "src", diskPath: "/dev/xvdf" }));
  await t.lightsail.send(new AttachDiskCommand({ diskName: "src-logs", instanceName: "src", diskPath: "/dev/xvdg" }));
  await t.skiff.idle();
  await t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "src", instanceSnapshotName: "snap" }));
  await t.skiff.idle();
}

const fromSnap = (patch: Partial<CreateInstancesFromSnapshotRequest> = {}) =>
  new CreateInstancesFromSnapshotCommand({
    instanceNames: ["copy"], availabilityZone: "us-east-1b", bundleId: "micro_3_0", instanceSnapshotName: "snap", ...patch,
  });

const instanceNames = async (t: TestSkiff) => (await t.lightsail.send(new GetInstancesCommand({}))).instances!.map((i) => i.name);

describe("CreateInstancesFromSnapshot", () => {
  const t = useTestSkiff();
  beforeEach(async () => {
    await sourceWithSnapshot(t);
  });

  it("creates several instances in another zone, one Started CreateInstancesFromSnapshot operation each", async () => {
    const { operations } = await t.lightsail.send(fromSnap({ instanceNames: ["copy-1", "copy-2"] }));
    assert.deepEqual(
      operations?.map((o) => [o.resourceName, o.resourceType, o.operationType, o.status, o.isTerminal, o.location?.availabilityZone]),
      [
        ["copy-1", "Instance", "CreateInstancesFromSnapshot", "Started", false, "us-east-1b"],
        ["copy-2", "Instance", "CreateInstancesFromSnapshot", "Started", false, "us-east-1b"],
      ],
    );
    await t.skiff.idle();
    for (const name of ["copy-1", "copy-2"]) {
      const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: name }));
      assert.deepEqual(
        [instance?.state?.name, instance?.blueprintId, instance?.bundleId, instance?.location?.availabilityZone],
        ["running", "wordpress", "micro_3_0", "us-east-1b"],
      );
      assert.deepEqual(instance?.hardware?.disks?.map((d) => d.path), ["/dev/xvda"]);
    }
    for (const op of operations!) assert.equal((await storedOperation(t, op.id!)).status, "Succeeded");
  });

  it("applies userData, keyPairName, tags, addOns and ipAddressType to the new instances", async () => {
    const key = generateSshKey("mine");
    await t.skiff.store.transaction((tx) =>
      tx.keyPairs.insert(US_EAST_1, {
        name: "mine", arn: "arn:aws:lightsail:us-east-1:000000000000:KeyPair/x", supportCode: "x/mine", createdAt: 0,
        fingerprint: key.fingerprint, publicKey: key.publicKey, tags: [], isDefault: false,
      }),
    );
    await t.lightsail.send(
      fromSnap({
        userData: "echo restored",
        keyPairName: "mine",
        tags: [{ key: "restored", value: "yes" }],
        addOns: [{ addOnType: "AutoSnapshot", autoSnapshotAddOnRequest: { snapshotTimeOfDay: "03:00" } }],
        ipAddressType: "ipv4",
      }),
    );
    await t.skiff.idle();
    const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: "copy" }));
    assert.equal(instance?.sshKeyName, "mine");
    assert.deepEqual(instance?.tags, [{ key: "restored", value: "yes" }]);
    assert.deepEqual(instance?.addOns, [{ name: "AutoSnapshot", status: "Enabled", snapshotTimeOfDay: "03:00", nextSnapshotTimeOfDay: "03:00" }]);
    assert.equal(instance?.ipAddressType, "ipv4");
    assert.deepEqual(instance?.ipv6Addresses, []);
    const stored = await t.skiff.store.read((tx) => tx.instances.get(US_EAST_1, "copy"));
    assert.equal(stored?.userData, "echo restored");
  });

  it("accepts a larger bundle and rejects a smaller one, creating nothing", async () => {
    await t.lightsail.send(fromSnap({ instanceNames: ["bigger"], bundleId: "large_3_0" }));
    await rejectsWith(
      t.lightsail.send(fromSnap({ instanceNames: ["smaller"], bundleId: "nano_3_0" })),
      "InvalidInputException",
      /The bundle nano_3_0 \(power 298, 20 GB disk\) is smaller than the instance snapshot snap, taken on micro_3_0 \(power 500, 40 GB disk\)/,
    );
    assert.deepEqual(await instanceNames(t), ["src", "bigger"]);
  });

  it("restores mapped disks as new disks attached at their original paths", async () => {
    await t.lightsail.send(
      fromSnap({
        instanceNames: ["r1", "r2"],
        attachedDiskMapping: {
          r1: [{ originalDiskPath: "/dev/xvdf", newDiskName: "r1-data" }, { originalDiskPath: "/dev/xvdg", newDiskName: "r1-logs" }],
          r2: [{ originalDiskPath: "/dev/xvdg", newDiskName: "r2-logs" }],
        },
      }),
    );
    const restoring = (await t.lightsail.send(new GetDiskCommand({ diskName: "r1-data" }))).disk;
    assert.equal(restoring?.attachedTo, "r1");
    await t.skiff.idle();
    const expected: [string, string, string, number][] = [
      ["r1-data", "r1", "/dev/xvdf", 8],
      ["r1-logs", "r1", "/dev/xvdg", 16],
      ["r2-logs", "r2", "/dev/xvdg", 16],
    ];
    for (const [name, instanceName, path, size] of expected) {
      const { disk } = await t.lightsail.send(new GetDiskCommand({ diskName: name }));
      assert.deepEqual(
        [disk?.attachedTo, disk?.path, disk?.sizeInGb, disk?.state, disk?.isAttached, disk?.attachmentState, disk?.location?.availabilityZone],
        [instanceName, path, size, "in-use", true, "attached", "us-east-1b"],
      );
    }
    const r1 = (await t.lightsail.send(new GetInstanceCommand({ instanceName: "r1" }))).instance;
    assert.deepEqual(r1?.hardware?.disks?.map((d) => [d.name ?? "system", d.path]), [["system", "/dev/xvda"], ["r1-data", "/dev/xvdf"], ["r1-logs", "/dev/xvdg"]]);
    const src = (await t.lightsail.send(new GetInstanceCommand({ instanceName: "src" }))).instance;
    assert.equal(src?.hardware?.disks?.length, 3);
  });

  const rejected: [string, Partial<CreateInstancesFromSnapshotRequest>, RegExp][] = [
    ["a mapped path the snapshot has no disk at", { attachedDiskMapping: { copy: [{ originalDiskPath: "/dev/xvdz", newDiskName: "new-disk" }] } },
      /instance snapshot snap has no disk at \/dev\/xvdz. Its disks are at \/dev\/xvdf, \/dev\/xvdg/],
    ["a mapping for an instance not being created", { attachedDiskMapping: { other: [{ originalDiskPath: "/dev/xvdf", newDiskName: "new-disk" }] } },
      /attachedDiskMapping names the instance 'other', which is not one of the instanceNames/],
    ["a new disk named like a new instance", { attachedDiskMapping: { copy: [{ originalDiskPath: "/dev/xvdf", newDiskName: "copy" }] } },
      /name 'copy' appears more than once/],
    ["a mapping entry without a new disk name", { attachedDiskMapping: { copy: [{ originalDiskPath: "/dev/xvdf" }] } },
      /needs originalDiskPath and newDiskName/],
    ["a bad new disk name", { attachedDiskMapping: { copy: [{ originalDiskPath: "/dev/xvdf", newDiskName: "bad disk" }] } },
      /disk name 'bad disk' is not valid/],
    ["both a snapshot and a source instance", { sourceInstanceName: "src" },
      /The instanceSnapshotName and sourceInstanceName parameters are mutually exclusive/],
    ["a restore date with a manual snapshot", { restoreDate: "2026-01-01" },
      /restoreDate and useLatestRestorableAutoSnapshot parameters can be used only with sourceInstanceName/],
    ["useLatestRestorableAutoSnapshot with a manual snapshot", { useLatestRestorableAutoSnapshot: true },
      /can be used only with sourceInstanceName/],
    ["a restore date together with useLatestRestorableAutoSnapshot", { instanceSnapshotName: undefined, sourceInstanceName: "src", restoreDate: "2026-01-01", useLatestRestorableAutoSnapshot: true },
      /The restoreDate and useLatestRestorableAutoSnapshot parameters are mutually exclusive/],
    ["a source instance without a date or latest", { instanceSnapshotName: undefined, sourceInstanceName: "src" },
      /With sourceInstanceName, specify restoreDate \(YYYY-MM-DD\) or useLatestRestorableAutoSnapshot/],
    ["no source at all", { instanceSnapshotName: undefined },
      /Specify instanceSnapshotName, or sourceInstanceName with restoreDate or useLatestRestorableAutoSnapshot/],
    ["a restore date not in YYYY-MM-DD", { instanceSnapshotName: undefined, sourceInstanceName: "src", restoreDate: "03/01/2026" },
      /restore date '03\/01\/2026' is not valid/],
    ["a restore date that is no calendar day", { instanceSnapshotName: undefined, sourceInstanceName: "src", restoreDate: "2026-02-30" },
      /restore date '2026-02-30' is not valid/],
    ["a zone of another region", { availabilityZone: "us-west-2a" }, /Availability Zone 'us-west-2a' is not valid in region us-east-1/],
    ["an unknown bundle", { bundleId: "mega_9_0" }, /bundle does not exist in this region: mega_9_0/],
    ["a Windows bundle for a Linux snapshot", { bundleId: "large_win_3_0" }, /large_win_3_0 supports WINDOWS but the blueprint wordpress runs on LINUX_UNIX/],
    ["ipv6 with a dual-stack bundle", { ipAddressType: "ipv6" }, /needs an IPv6-only bundle/],
    ["a name already in use", { instanceNames: ["fresh", "src-data"] }, /Some names are already in use: src-data/],
    ["a repeated name", { instanceNames: ["twice", "twice"] }, /'twice' appears more than once/],
    ["an AutoSnapshot time not on the hour", { addOns: [{ addOnType: "AutoSnapshot", autoSnapshotAddOnRequest: { snapshotTimeOfDay: "03:15" } }] },
      /snapshot time of day '03:15' is not valid/],
  ];
  for (const [what, patch, message] of rejected) {
    it(`rejects ${what} with InvalidInputException and leaves nothing behind`, async () => {
      await rejectsWith(t.lightsail.send(fromSnap(patch)), "InvalidInputException", message);
      assert.deepEqual(await instanceNames(t), ["src"]);
      assert.deepEqual((await t.lightsail.send(new GetDisksCommand({}))).disks?.map((d) => d.name), ["src-data", "src-logs"]);
      assert.deepEqual((await t.lightsail.send(new GetInstanceSnapshotCommand({ instanceSnapshotName: "snap" }))).instanceSnapshot?.state, "available");
    });
  }

  it("rejects a new disk name that is taken, and frees every name it had claimed", async () => {
    await rejectsWith(
      t.lightsail.send(fromSnap({ instanceNames: ["n1"], attachedDiskMapping: { n1: [{ originalDiskPath: "/dev/xvdf", newDiskName: "src-logs" }] } })),
      "InvalidInputException",
      /Some names are already in use: src-logs/,
    );
    await t.lightsail.send(fromSnap({ instanceNames: ["n1"], attachedDiskMapping: { n1: [{ originalDiskPath: "/dev/xvdf", newDiskName: "n1-data" }] } }));
    await t.skiff.idle();
    assert.equal((await t.lightsail.send(new GetDiskCommand({ diskName: "n1-data" }))).disk?.attachedTo, "n1");
  });

  it("rejects an unknown snapshot and an unknown key pair with NotFoundException", async () => {
    await rejectsWith(t.lightsail.send(fromSnap({ instanceSnapshotName: "nope" })), "NotFoundException", /InstanceSnapshot does not exist: nope/);
    await rejectsWith(t.lightsail.send(fromSnap({ keyPairName: "nokey" })), "NotFoundException", /KeyPair does not exist: nokey/);
    assert.deepEqual(await instanceNames(t), ["src"]);
  });

  it("gives instances that do not depend on the snapshot: deleting it leaves them running", async () => {
    await t.lightsail.send(fromSnap({ attachedDiskMapping: { copy: [{ originalDiskPath: "/dev/xvdf", newDiskName: "copy-data" }] } }));
    await t.skiff.idle();
    await t.lightsail.send(new DeleteInstanceSnapshotCommand({ instanceSnapshotName: "snap" }));
    const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: "copy" }));
    assert.equal(instance?.state?.name, "running");
    assert.equal((await t.lightsail.send(new GetDiskCommand({ diskName: "copy-data" }))).disk?.state, "in-use");
  });

  it("restores from an automatic snapshot found by its date after the clock moved on", async () => {
    await setClock(t, "2026-03-01T10:00:00Z");
    await runningInstances(t, ["nightly"], { addOns: [{ addOnType: "AutoSnapshot", autoSnapshotAddOnRequest: { snapshotTimeOfDay: "06:00" } }] });
    await t.advance("3d");
    await t.skiff.idle();
    const { autoSnapshots } = await t.lightsail.send(new GetAutoSnapshotsCommand({ resourceName: "nightly" }));
    assert.deepEqual(autoSnapshots?.map((a) => a.date), ["2026-03-04", "2026-03-03", "2026-03-02"]);

    const { operations } = await t.lightsail.send(
      new CreateInstancesFromSnapshotCommand({
        instanceNames: ["back-in-time"], availabilityZone: "us-east-1c", bundleId: "nano_3_0", sourceInstanceName: "nightly", restoreDate: "2026-03-03",
      }),
    );
    assert.equal(operations?.[0]?.operationType, "CreateInstancesFromSnapshot");
    await t.lightsail.send(
      new CreateInstancesFromSnapshotCommand({
        instanceNames: ["latest"], availabilityZone: "us-east-1a", bundleId: "nano_3_0", sourceInstanceName: "nightly", useLatestRestorableAutoSnapshot: true,
      }),
    );
    await t.skiff.idle();
    for (const name of ["back-in-time", "latest"]) {
      const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: name }));
      assert.deepEqual([instance?.state?.name, instance?.blueprintId], ["running", "amazon_linux_2023"]);
    }
    await rejectsWith(
      t.lightsail.send(
        new CreateInstancesFromSnapshotCommand({
          instanceNames: ["too-early"], availabilityZone: "us-east-1a", bundleId: "nano_3_0", sourceInstanceName: "nightly", restoreDate: "2026-02-28",
        }),
      ),
      "NotFoundException",
      /The resource nightly has no automatic snapshot from 2026-02-28/,
    );
    await rejectsWith(
      t.lightsail.send(
        new CreateInstancesFromSnapshotCommand({
          instanceNames: ["orphan"], availabilityZone: "us-east-1a", bundleId: "nano_3_0", sourceInstanceName: "src", useLatestRestorableAutoSnapshot: true,
        }),
      ),
      "NotFoundException",
      /The resource src has no automatic snapshot that can be restored yet/,
    );
    await rejectsWith(
      t.lightsail.send(
        new CreateInstancesFromSnapshotCommand({
          instanceNames: ["orphan"], availabilityZone: "us-east-1a", bundleId: "nano_3_0", sourceInstanceName: "ghost", useLatestRestorableAutoSnapshot: true,
        }),
      ),
      "NotFoundException",
      /Instance does not exist: ghost/,
    );
  });
});

describe("CreateInstancesFromSnapshot while the restore is in progress", () => {
  const t = useTestSkiff({ transitionMs: 60_000 });

  it("leaves a restored disk available, not attached, when its new instance is deleted before the restore ends", async () => {
    await t.lightsail.send(new CreateInstancesCommand({ instanceNames: ["src"], availabilityZone: "us-east-1a", blueprintId: "debian_12", bundleId: "nano_3_0" }));
    await t.lightsail.send(new CreateDiskCommand({ diskName: "src-data", sizeInGb: 8, availabilityZone: "us-east-1a" }));
    await t.advance("61s");
    await t.skiff.idle();
    await t.lightsail.send(new AttachDiskCommand({ diskName: "src-data", instanceName: "src", diskPath: "/dev/xvdf" }));
    await t.advance("61s");
    await t.skiff.idle();
    await t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "src", instanceSnapshotName: "snap" }));
    await t.advance("61s");
    await t.skiff.idle();
    await t.lightsail.send(
      fromSnap({ instanceNames: ["brief"], bundleId: "nano_3_0", attachedDiskMapping: { brief: [{ originalDiskPath: "/dev/xvdf", newDiskName: "brief-data" }] } }),
    );
    await t.skiff.store.transaction(async (tx) => {
      const instance = (await tx.instances.get(US_EAST_1, "brief"))!;
      await detachDisksOnInstanceDelete(tx, US_EAST_1, instance, t.skiff.clock.now());
      await tx.instances.delete(US_EAST_1, "brief");
    });
    await t.advance("61s");
    await t.skiff.idle();
    await t.advance("61s");
    await t.skiff.idle();
    const { disk } = await t.lightsail.send(new GetDiskCommand({ diskName: "brief-data" }));
    assert.deepEqual([disk?.state, disk?.isAttached, disk?.attachedTo, disk?.attachmentState], ["available", false, undefined, "detached"]);
  });

  it("keeps the snapshot from being deleted until every restore from it is done", async () => {
    await t.lightsail.send(new CreateInstancesCommand({ instanceNames: ["src"], availabilityZone: "us-east-1a", blueprintId: "debian_12", bundleId: "nano_3_0" }));
    await t.advance("61s");
    await t.skiff.idle();
    await t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "src", instanceSnapshotName: "snap" }));
    await rejectsWith(
      t.lightsail.send(fromSnap({ bundleId: "nano_3_0" })),
      "OperationFailureException",
      /You can't create an instance from this snapshot right now. The state of this snapshot is: pending/,
    );
    await t.advance("61s");
    await t.skiff.idle();
    await t.lightsail.send(fromSnap({ instanceNames: ["r1", "r2"], bundleId: "nano_3_0" }));
    assert.equal((await t.lightsail.send(new GetInstanceCommand({ instanceName: "r1" }))).instance?.state?.name, "pending");
    const err = await rejectsWith(
      t.lightsail.send(new DeleteInstanceSnapshotCommand({ instanceSnapshotName: "snap" })),
      "OperationFailureException",
      /The snapshot snap is in use by resources that are being created from it: r1, r2/,
    );
    assert.equal(err.code, "ResourceInUse");
    await t.advance("61s");
    await t.skiff.idle();
    assert.equal((await t.lightsail.send(new GetInstanceCommand({ instanceName: "r2" }))).instance?.state?.name, "running");
    await t.lightsail.send(new DeleteInstanceSnapshotCommand({ instanceSnapshotName: "snap" }));
    await rejectsWith(t.lightsail.send(new GetInstanceSnapshotCommand({ instanceSnapshotName: "snap" })), "NotFoundException");
    await t.advance("61s"); // lets the removal of the snapshot's copies finish
    await t.skiff.idle();
  });
});

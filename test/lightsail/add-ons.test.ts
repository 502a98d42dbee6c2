import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateDiskCommand, CreateInstancesCommand, DisableAddOnCommand, EnableAddOnCommand, GetDiskCommand, GetInstanceCommand, type AddOnRequest } from "@aws-sdk/client-lightsail";
import { availableDisk, runningInstances, setInstanceState, US_EAST_1 } from "../helpers/lightsail.js";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";

const autoSnapshot = (snapshotTimeOfDay?: string): AddOnRequest => ({
  addOnType: "AutoSnapshot", ...(snapshotTimeOfDay ? { autoSnapshotAddOnRequest: { snapshotTimeOfDay } } : {}),
});
const stopOnIdle = (threshold: string, duration: string): AddOnRequest => ({ addOnType: "StopInstanceOnIdle", stopInstanceOnIdleRequest: { threshold, duration } });

describe("Add-ons", () => {
  const t = useTestSkiff();

  const addOnsOf = async (instanceName: string) => (await t.lightsail.send(new GetInstanceCommand({ instanceName }))).instance?.addOns;

  it("enables AutoSnapshot on an instance with a Succeeded EnableAddOn operation", async () => {
    await runningInstances(t, ["box"]);
    const { operations } = await t.lightsail.send(new EnableAddOnCommand({ resourceName: "box", addOnRequest: autoSnapshot("14:00") }));
    assert.deepEqual(
      operations?.map((o) => [o.resourceName, o.resourceType, o.operationType, o.operationDetails, o.status, o.isTerminal]),
      [["box", "Instance", "EnableAddOn", "AutoSnapshot", "Succeeded", true]],
    );
    assert.deepEqual(await addOnsOf("box"), [{ name: "AutoSnapshot", status: "Enabled", snapshotTimeOfDay: "14:00", nextSnapshotTimeOfDay: "14:00" }]);
  });

  it("uses the region's default time when none is given", async () => {
    await runningInstances(t, ["box"]);
    await t.lightsail.send(new EnableAddOnCommand({ resourceName: "box", addOnRequest: autoSnapshot() }));
    assert.equal((await addOnsOf("box"))?.[0]?.snapshotTimeOfDay, "06:00");
    const ohio = t.lightsailAs("us-east-2");
    await runningInstances({ ...t, lightsail: ohio }, ["west"], { availabilityZone: "us-east-2a" });
    await ohio.send(new EnableAddOnCommand({ resourceName: "west", addOnRequest: autoSnapshot() }));
    assert.equal((await ohio.send(new GetInstanceCommand({ instanceName: "west" }))).instance?.addOns?.[0]?.snapshotTimeOfDay, "03:00");
  });

  it("answers the real error when the add-on is already in the requested state, and changes the time otherwise", async () => {
    await runningInstances(t, ["box"], { addOns: [autoSnapshot("02:00")] });
    await rejectsWith(
      t.lightsail.send(new EnableAddOnCommand({ resourceName: "box", addOnRequest: autoSnapshot("02:00") })),
      "InvalidInputException",
      /^The addOn is already in requested state$/,
    );
    await t.lightsail.send(new EnableAddOnCommand({ resourceName: "box", addOnRequest: autoSnapshot("23:00") }));
    assert.deepEqual(await addOnsOf("box"), [{ name: "AutoSnapshot", status: "Enabled", snapshotTimeOfDay: "23:00", nextSnapshotTimeOfDay: "23:00" }]);
  });

  it("disables an add-on, and answers the real error when it is not enabled", async () => {
    await runningInstances(t, ["box"], { addOns: [autoSnapshot("02:00")] });
    const { operations } = await t.lightsail.send(new DisableAddOnCommand({ resourceName: "box", addOnType: "AutoSnapshot" }));
    assert.deepEqual(operations?.map((o) => [o.operationType, o.operationDetails, o.status]), [["DisableAddOn", "AutoSnapshot", "Succeeded"]]);
    assert.deepEqual(await addOnsOf("box"), []);
    await rejectsWith(
      t.lightsail.send(new DisableAddOnCommand({ resourceName: "box", addOnType: "AutoSnapshot" })),
      "InvalidInputException",
      /^AutoSnapshot not enabled for the resource$/,
    );
  });

  it("enables AutoSnapshot on a disk, but not StopInstanceOnIdle", async () => {
    await availableDisk(t, "data");
    const { operations } = await t.lightsail.send(new EnableAddOnCommand({ resourceName: "data", addOnRequest: autoSnapshot("05:00") }));
    assert.deepEqual(operations?.map((o) => [o.resourceType, o.operationType, o.location?.availabilityZone]), [["Disk", "EnableAddOn", "us-east-1a"]]);
    assert.deepEqual((await t.lightsail.send(new GetDiskCommand({ diskName: "data" }))).disk?.addOns?.map((a) => [a.name, a.snapshotTimeOfDay]), [["AutoSnapshot", "05:00"]]);
    await rejectsWith(
      t.lightsail.send(new EnableAddOnCommand({ resourceName: "data", addOnRequest: stopOnIdle("5", "30") })),
      "InvalidInputException",
      /StopInstanceOnIdle is available for instances only/,
    );
  });

  const invalid: [string, AddOnRequest, RegExp][] = [
    ["a time not on the hour", autoSnapshot("06:30"), /snapshot time of day '06:30' is not valid/],
    ["an hour past 23", autoSnapshot("24:00"), /snapshot time of day '24:00' is not valid/],
    ["a time without two-digit hours", autoSnapshot("6:00"), /snapshot time of day '6:00' is not valid/],
    ["a threshold that is no number", stopOnIdle("low", "30"), /StopInstanceOnIdle threshold 'low' must be a positive number/],
    ["a zero duration", stopOnIdle("5", "0"), /StopInstanceOnIdle duration '0' must be a positive number/],
  ];
  for (const [what, addOnRequest, message] of invalid) {
    it(`rejects ${what} and changes nothing`, async () => {
      await runningInstances(t, ["box"]);
      await rejectsWith(t.lightsail.send(new EnableAddOnCommand({ resourceName: "box", addOnRequest })), "InvalidInputException", message);
      assert.deepEqual(await addOnsOf("box"), []);
    });
  }

  it("rejects AutoSnapshot on a Windows instance", async () => {
    await runningInstances(t, ["win"], { blueprintId: "windows_server_2022", bundleId: "small_win_3_0" });
    await rejectsWith(
      t.lightsail.send(new EnableAddOnCommand({ resourceName: "win", addOnRequest: autoSnapshot("06:00") })),
      "InvalidInputException",
      /Automatic snapshots are not supported for Windows instances; the blueprint windows_server_2022 is a Windows one/,
    );
    await rejectsWith(
      t.lightsail.send(
        new CreateInstancesCommand({
          instanceNames: ["win-2"], availabilityZone: "us-east-1a", blueprintId: "windows_server_2019", bundleId: "small_win_3_0", addOns: [autoSnapshot("06:00")],
        }),
      ),
      "InvalidInputException",
      /Automatic snapshots are not supported for Windows instances/,
    );
    await rejectsWith(t.lightsail.send(new GetInstanceCommand({ instanceName: "win-2" })), "NotFoundException");
  });

  it("rejects an unknown resource with NotFoundException", async () => {
    await rejectsWith(
      t.lightsail.send(new EnableAddOnCommand({ resourceName: "ghost", addOnRequest: autoSnapshot("06:00") })),
      "NotFoundException",
      /Resource does not exist: ghost/,
    );
    await rejectsWith(
      t.lightsail.send(new DisableAddOnCommand({ resourceName: "ghost", addOnType: "AutoSnapshot" })),
      "NotFoundException",
      /Resource does not exist: ghost/,
    );
  });

  it("rejects an unknown add-on type with InvalidInputException", async () => {
    await runningInstances(t, ["box"]);
    await rejectsWith(
      t.lightsail.send(new EnableAddOnCommand({ resourceName: "box", addOnRequest: { addOnType: "Backup" as never } })),
      "InvalidInputException",
      /'Backup' is not valid/,
    );
  });

  describe("StopInstanceOnIdle", () => {
    const stored = (name: string) => t.skiff.store.read((tx) => tx.instances.get(US_EAST_1, name));

    it("stops an idle instance once it has been idle for `duration` minutes of Clock time", async () => {
      await runningInstances(t, ["lab"]);
      await t.lightsail.send(new EnableAddOnCommand({ resourceName: "lab", addOnRequest: stopOnIdle("10", "15") }));
      assert.deepEqual(await addOnsOf("lab"), [{ name: "StopInstanceOnIdle", status: "Enabled", threshold: "10", duration: "15" }]);
      await t.advance("10m");
      await t.skiff.idle();
      assert.equal((await stored("lab"))?.state, "running");
      await t.advance("6m");
      await t.skiff.idle();
      assert.equal((await t.lightsail.send(new GetInstanceCommand({ instanceName: "lab" }))).instance?.state?.name, "stopped");
      const ops = await t.skiff.store.read((tx) => tx.operations.page(US_EAST_1, { limit: 100, where: { resource_name: "lab" } }));
      assert.deepEqual(ops.items.filter((o) => o.operationType === "StopInstance").map((o) => o.status), ["Succeeded"]);
    });

    it("works the same when given to CreateInstances, and not once disabled", async () => {
      await runningInstances(t, ["auto-stop", "keep-on"], { addOns: [stopOnIdle("5", "20")] });
      await t.lightsail.send(new DisableAddOnCommand({ resourceName: "keep-on", addOnType: "StopInstanceOnIdle" }));
      await t.advance("21m");
      await t.skiff.idle();
      assert.equal((await stored("auto-stop"))?.state, "stopped");
      assert.equal((await stored("keep-on"))?.state, "running");
    });

    it("counts idle time only while the instance runs", async () => {
      await runningInstances(t, ["lab"], { addOns: [stopOnIdle("5", "30")] });
      await setInstanceState(t, "lab", "stopped");
      await t.advance("40m");
      await t.skiff.idle();
      await setInstanceState(t, "lab", "running");
      await t.advance("20m");
      await t.skiff.idle();
      assert.equal((await stored("lab"))?.state, "running");
      await t.advance("11m");
      await t.skiff.idle();
      assert.equal((await stored("lab"))?.state, "stopped");
    });
  });
});

describe("Add-ons given to CreateDisk", () => {
  const t = useTestSkiff({}, { reset: false });

  it("are reported like those enabled later", async () => {
    await t.lightsail.send(new CreateDiskCommand({ diskName: "d1", sizeInGb: 8, availabilityZone: "us-east-1a", addOns: [autoSnapshot()] }));
    assert.deepEqual((await t.lightsail.send(new GetDiskCommand({ diskName: "d1" }))).disk?.addOns, [
      { name: "AutoSnapshot", status: "Enabled", snapshotTimeOfDay: "06:00", nextSnapshotTimeOfDay: "06:00" },
    ]);
  });
});

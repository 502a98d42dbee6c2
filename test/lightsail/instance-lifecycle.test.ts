import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateInstancesCommand,
  DeleteInstanceCommand,
  GetInstanceCommand,
  GetInstancesCommand,
  GetInstanceStateCommand,
  RebootInstanceCommand,
  StartInstanceCommand,
  StopInstanceCommand,
} from "@aws-sdk/client-lightsail";
import { base, runningInstance, settle, stateOf, storedOperation } from "../helpers/instances.js";
import { onlyOperation } from "../helpers/lightsail.js";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";

// Every transition takes a minute of Clock time, so a test sees `stopping` before `stopped` and
// moves on with t.advance("1m").
describe("instance lifecycle", () => {
  const t = useTestSkiff({ transitionMs: 60_000 });

  // A create or stop that was under way when its instance was deleted destroys what it made once
  // it finishes: one more transition of Clock time before the worker is idle.
  const settleWithCleanup = async () => {
    await t.advance("1m");
    await settle(t);
  };

  const stopped = async (name: string) => {
    await runningInstance(t, name);
    await t.lightsail.send(new StopInstanceCommand({ instanceName: name }));
    await settle(t);
    assert.equal(await stateOf(t, name), "stopped");
  };

  describe("GetInstanceState", () => {
    it("reports pending with code 0 while the create runs, then running with code 16", async () => {
      await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["box"] }));
      assert.deepEqual((await t.lightsail.send(new GetInstanceStateCommand({ instanceName: "box" }))).state, { code: 0, name: "pending" });
      await settle(t);
      assert.deepEqual((await t.lightsail.send(new GetInstanceStateCommand({ instanceName: "box" }))).state, { code: 16, name: "running" });
    });

    it("answers NotFoundException for an unknown instance", async () => {
      await rejectsWith(t.lightsail.send(new GetInstanceStateCommand({ instanceName: "ghost" })), "NotFoundException", /Instance does not exist: ghost/);
    });
  });

  describe("StopInstance", () => {
    it("goes running → stopping → stopped with a Started StopInstance operation that ends Succeeded", async () => {
      await runningInstance(t, "box");
      const { operations } = await t.lightsail.send(new StopInstanceCommand({ instanceName: "box" }));
      const op = onlyOperation(operations, {
        operationType: "StopInstance", status: "Started", isTerminal: false, resourceName: "box", resourceType: "Instance",
        location: { availabilityZone: "us-east-1a", regionName: "us-east-1" },
      });
      assert.deepEqual((await t.lightsail.send(new GetInstanceStateCommand({ instanceName: "box" }))).state, { code: 64, name: "stopping" });
      await settle(t);
      assert.deepEqual((await t.lightsail.send(new GetInstanceStateCommand({ instanceName: "box" }))).state, { code: 80, name: "stopped" });
      const stored = await storedOperation(t, op.id!);
      assert.equal(stored?.status, "Succeeded");
      assert.equal(stored?.isTerminal, true);
    });

    it("rejects stopping a stopped instance, naming it and its state", async () => {
      await stopped("box");
      const err = await rejectsWith(
        t.lightsail.send(new StopInstanceCommand({ instanceName: "box" })),
        "OperationFailureException",
        /The Instance box is stopped; StopInstance needs it to be running\./,
      );
      assert.equal(err.code, "InvalidResourceState");
    });

    it("rejects stopping a pending instance, even with force", async () => {
      await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["box"] }));
      await rejectsWith(t.lightsail.send(new StopInstanceCommand({ instanceName: "box" })), "OperationFailureException", /box is pending; StopInstance needs it to be running/);
      await rejectsWith(
        t.lightsail.send(new StopInstanceCommand({ instanceName: "box", force: true })),
        "OperationFailureException",
        /box is pending; StopInstance with force needs it to be running or stopping/,
      );
      await settle(t);
    });

    it("rejects a plain stop of an instance already stopping", async () => {
      await runningInstance(t, "box");
      await t.lightsail.send(new StopInstanceCommand({ instanceName: "box" }));
      await rejectsWith(t.lightsail.send(new StopInstanceCommand({ instanceName: "box" })), "OperationFailureException", /box is stopping; StopInstance needs it to be running/);
      await settle(t);
    });

    it("accepts a forced stop of an instance stuck in stopping and ends both operations", async () => {
      await runningInstance(t, "box");
      const first = await t.lightsail.send(new StopInstanceCommand({ instanceName: "box" }));
      const forced = await t.lightsail.send(new StopInstanceCommand({ instanceName: "box", force: true }));
      assert.equal(forced.operations?.[0]?.operationType, "StopInstance");
      assert.equal(forced.operations?.[0]?.status, "Started");
      assert.equal(await stateOf(t, "box"), "stopping");
      await settle(t);
      assert.equal(await stateOf(t, "box"), "stopped");
      for (const op of [first.operations![0]!, forced.operations![0]!]) assert.equal((await storedOperation(t, op.id!))?.status, "Succeeded");
    });

    it("answers NotFoundException for an unknown instance", async () => {
      await rejectsWith(t.lightsail.send(new StopInstanceCommand({ instanceName: "ghost" })), "NotFoundException", /Instance does not exist: ghost/);
    });
  });

  describe("StartInstance", () => {
    it("goes stopped → pending → running with a Started StartInstance operation and a new public IP", async () => {
      await stopped("box");
      const before = (await t.lightsail.send(new GetInstanceCommand({ instanceName: "box" }))).instance!;
      const { operations } = await t.lightsail.send(new StartInstanceCommand({ instanceName: "box" }));
      const op = onlyOperation(operations, { operationType: "StartInstance", status: "Started", resourceName: "box" });
      const during = (await t.lightsail.send(new GetInstanceCommand({ instanceName: "box" }))).instance!;
      assert.deepEqual(during.state, { code: 0, name: "pending" });
      assert.match(during.publicIpAddress!, /^\d+\.\d+\.\d+\.\d+$/);
      assert.notEqual(during.publicIpAddress, before.publicIpAddress);
      assert.equal(during.privateIpAddress, before.privateIpAddress);
      await settle(t);
      assert.equal(await stateOf(t, "box"), "running");
      assert.equal((await storedOperation(t, op.id!))?.status, "Succeeded");
    });

    it("rejects starting a running instance, naming it and its state", async () => {
      await runningInstance(t, "box");
      await rejectsWith(t.lightsail.send(new StartInstanceCommand({ instanceName: "box" })), "OperationFailureException", /The Instance box is running; StartInstance needs it to be stopped\./);
    });

    it("rejects starting an instance that is still stopping", async () => {
      await runningInstance(t, "box");
      await t.lightsail.send(new StopInstanceCommand({ instanceName: "box" }));
      await rejectsWith(t.lightsail.send(new StartInstanceCommand({ instanceName: "box" })), "OperationFailureException", /box is stopping; StartInstance needs it to be stopped/);
      await settle(t);
    });

    it("keeps an IPv6-only instance without a public IPv4 address", async () => {
      await runningInstance(t, "v6", { bundleId: "nano_ipv6_3_0", ipAddressType: "ipv6" });
      await t.lightsail.send(new StopInstanceCommand({ instanceName: "v6" }));
      await settle(t);
      await t.lightsail.send(new StartInstanceCommand({ instanceName: "v6" }));
      const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: "v6" }));
      assert.equal(instance?.publicIpAddress, undefined);
      assert.equal(instance?.ipv6Addresses?.length, 1);
      await settle(t);
    });

    it("moves a previous-generation bundle to the current one with attributeUpdates bundleId auto", async () => {
      await runningInstance(t, "old", { bundleId: "nano_2_0" });
      await t.lightsail.send(new StopInstanceCommand({ instanceName: "old" }));
      await settle(t);
      assert.equal((await t.lightsail.send(new GetInstanceCommand({ instanceName: "old" }))).instance?.hardware?.cpuCount, 1);
      await t.lightsail.send(new StartInstanceCommand({ instanceName: "old", attributeUpdates: { bundleId: "auto" } }));
      await settle(t);
      const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: "old" }));
      assert.equal(instance?.bundleId, "nano_3_0");
      assert.equal(instance?.hardware?.cpuCount, 2);
      assert.equal(instance?.state?.name, "running");
    });

    it("moves back to the original bundle when it is named", async () => {
      await runningInstance(t, "old", { bundleId: "nano_2_0" });
      for (const bundleId of ["nano_3_0", "nano_2_0"]) {
        await t.lightsail.send(new StopInstanceCommand({ instanceName: "old" }));
        await settle(t);
        await t.lightsail.send(new StartInstanceCommand({ instanceName: "old", attributeUpdates: { bundleId } }));
        await settle(t);
        assert.equal((await t.lightsail.send(new GetInstanceCommand({ instanceName: "old" }))).instance?.bundleId, bundleId);
      }
    });

    it("rejects a bundle update to another size or an unknown bundle, and stays stopped", async () => {
      await stopped("box");
      await rejectsWith(
        t.lightsail.send(new StartInstanceCommand({ instanceName: "box", attributeUpdates: { bundleId: "small_3_0" } })),
        "InvalidInputException",
        /nano_3_0 can only be updated to the same plan of another generation \(or 'auto'\), not to small_3_0/,
      );
      await rejectsWith(
        t.lightsail.send(new StartInstanceCommand({ instanceName: "box", attributeUpdates: { bundleId: "nano_9_9" } })),
        "InvalidInputException",
        /bundle does not exist in this region: nano_9_9/,
      );
      assert.equal(await stateOf(t, "box"), "stopped");
    });

    it("answers NotFoundException for an unknown instance", async () => {
      await rejectsWith(t.lightsail.send(new StartInstanceCommand({ instanceName: "ghost" })), "NotFoundException", /Instance does not exist: ghost/);
    });
  });

  describe("RebootInstance", () => {
    it("answers with an already Succeeded RebootInstance operation and stays running", async () => {
      await runningInstance(t, "box");
      const { operations } = await t.lightsail.send(new RebootInstanceCommand({ instanceName: "box" }));
      const op = onlyOperation(operations, { operationType: "RebootInstance", operationDetails: "", status: "Succeeded", isTerminal: true });
      assert.ok(op.statusChangedAt instanceof Date);
      assert.equal(await stateOf(t, "box"), "running");
      await settle(t);
      assert.equal(await stateOf(t, "box"), "running");
    });

    it("rejects rebooting a stopped instance", async () => {
      await stopped("box");
      await rejectsWith(t.lightsail.send(new RebootInstanceCommand({ instanceName: "box" })), "OperationFailureException", /box is stopped; RebootInstance needs it to be running/);
    });

    it("rejects rebooting a pending instance", async () => {
      await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["box"] }));
      await rejectsWith(t.lightsail.send(new RebootInstanceCommand({ instanceName: "box" })), "OperationFailureException", /box is pending; RebootInstance needs it to be running/);
      await settle(t);
    });

    it("answers NotFoundException for an unknown instance", async () => {
      await rejectsWith(t.lightsail.send(new RebootInstanceCommand({ instanceName: "ghost" })), "NotFoundException", /Instance does not exist: ghost/);
    });
  });

  describe("DeleteInstance", () => {
    it("removes the instance at once with a Succeeded DeleteInstance operation", async () => {
      await runningInstance(t, "box");
      const { operations } = await t.lightsail.send(new DeleteInstanceCommand({ instanceName: "box", forceDeleteAddOns: true }));
      onlyOperation(operations, { operationType: "DeleteInstance", resourceName: "box", status: "Succeeded", isTerminal: true });
      await rejectsWith(t.lightsail.send(new GetInstanceCommand({ instanceName: "box" })), "NotFoundException", /Instance does not exist: box/);
      await rejectsWith(t.lightsail.send(new GetInstanceStateCommand({ instanceName: "box" })), "NotFoundException", /Instance does not exist: box/);
      assert.deepEqual((await t.lightsail.send(new GetInstancesCommand({}))).instances, []);
      await settle(t);
    });

    it("frees the name for a new instance right away", async () => {
      await runningInstance(t, "box");
      await t.lightsail.send(new DeleteInstanceCommand({ instanceName: "box" }));
      await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["box"], bundleId: "micro_3_0" }));
      await settle(t);
      const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: "box" }));
      assert.equal(instance?.bundleId, "micro_3_0");
      assert.equal(instance?.state?.name, "running");
    });

    it("deletes a pending instance, and its create job does not bring it back", async () => {
      await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["box"] }));
      await t.lightsail.send(new DeleteInstanceCommand({ instanceName: "box" }));
      await settleWithCleanup();
      await rejectsWith(t.lightsail.send(new GetInstanceCommand({ instanceName: "box" })), "NotFoundException", /Instance does not exist: box/);
      assert.deepEqual((await t.lightsail.send(new GetInstancesCommand({}))).instances, []);
    });

    it("leaves a new instance of the same name alone when the old one's create finishes", async () => {
      await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["box"] }));
      await t.lightsail.send(new DeleteInstanceCommand({ instanceName: "box" }));
      await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["box"], bundleId: "small_3_0" }));
      await settleWithCleanup();
      const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: "box" }));
      assert.equal(instance?.bundleId, "small_3_0");
      assert.equal(instance?.state?.name, "running");
    });

    it("deletes a stopping instance, and its stop job does not bring it back", async () => {
      await runningInstance(t, "box");
      await t.lightsail.send(new StopInstanceCommand({ instanceName: "box" }));
      await t.lightsail.send(new DeleteInstanceCommand({ instanceName: "box" }));
      await settleWithCleanup();
      await rejectsWith(t.lightsail.send(new GetInstanceStateCommand({ instanceName: "box" })), "NotFoundException", /Instance does not exist: box/);
    });

    it("answers NotFoundException for an unknown instance, and for a second delete", async () => {
      await rejectsWith(t.lightsail.send(new DeleteInstanceCommand({ instanceName: "ghost" })), "NotFoundException", /Instance does not exist: ghost/);
      await runningInstance(t, "box");
      await t.lightsail.send(new DeleteInstanceCommand({ instanceName: "box" }));
      await rejectsWith(t.lightsail.send(new DeleteInstanceCommand({ instanceName: "box" })), "NotFoundException", /Instance does not exist: box/);
      await settle(t);
    });
  });
});

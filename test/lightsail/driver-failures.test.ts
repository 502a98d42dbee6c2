import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import {
  CreateInstancesCommand,
  CreateInstanceSnapshotCommand,
  CreateInstancesFromSnapshotCommand,
  DeleteInstanceCommand,
  GetInstanceSnapshotCommand,
  GetOperationCommand,
  StartInstanceCommand,
  StopInstanceCommand,
  type Operation,
} from "@aws-sdk/client-lightsail";
import type { ComputeDriver } from "../../src/compute/driver.js";
import { base, runningInstance, stateOf } from "../helpers/instances.js";
import { useTestSkiff } from "../helpers/skiff.js";
import { waitFor } from "../helpers/wait.js";

/**
 * The driver fails for good (every retry): the Operation ends Failed with the driver's reason and
 * the instance settles where a user can act on it, instead of staying `pending` or `stopping`.
 */
describe("driver failures", () => {
  const t = useTestSkiff();
  let restore: (() => void)[] = [];
  afterEach(() => repairDriver());

  function repairDriver() {
    for (const undo of restore) undo();
    restore = [];
  }

  function breakDriver(method: Extract<keyof ComputeDriver, "create" | "start" | "stop">) {
    const driver = t.skiff.driver as unknown as Record<string, unknown>;
    const original = driver[method];
    driver[method] = async () => {
      throw new Error(`the machine could not ${method}: disk full`);
    };
    restore.push(() => (driver[method] = original));
  }

  /** Retries are spaced by a second of Clock time: moves the clock until the operation has ended. */
  async function ended(op: Operation) {
    return waitFor(async () => {
      const { operation } = await t.lightsail.send(new GetOperationCommand({ operationId: op.id }));
      if (operation?.isTerminal) return operation;
      await t.advance("1s");
      return undefined;
    }, `operation ${op.operationType} to end`);
  }

  it("a create that fails leaves the instance stopped and its operation Failed with the reason", async () => {
    breakDriver("create");
    const { operations } = await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["broken"] }));
    const op = await ended(operations![0]!);
    assert.equal(op.status, "Failed");
    assert.equal(op.errorCode, "InternalError");
    assert.match(op.errorDetails ?? "", /could not create: disk full/);
    assert.equal(await stateOf(t, "broken"), "stopped");
    await t.lightsail.send(new DeleteInstanceCommand({ instanceName: "broken" }));
  });

  it("a start that fails leaves the instance stopped, and a later start can succeed", async () => {
    await runningInstance(t, "flaky");
    await t.lightsail.send(new StopInstanceCommand({ instanceName: "flaky" }));
    await t.skiff.idle();
    assert.equal(await stateOf(t, "flaky"), "stopped");

    breakDriver("start");
    const failed = await t.lightsail.send(new StartInstanceCommand({ instanceName: "flaky" }));
    assert.equal((await ended(failed.operations![0]!)).status, "Failed");
    assert.equal(await stateOf(t, "flaky"), "stopped");

    repairDriver();
    const retried = await t.lightsail.send(new StartInstanceCommand({ instanceName: "flaky" }));
    assert.equal((await ended(retried.operations![0]!)).status, "Succeeded");
    assert.equal(await stateOf(t, "flaky"), "running");
  });

  it("a stop that fails leaves the instance running", async () => {
    await runningInstance(t, "stubborn");
    breakDriver("stop");
    const { operations } = await t.lightsail.send(new StopInstanceCommand({ instanceName: "stubborn" }));
    const op = await ended(operations![0]!);
    assert.equal(op.status, "Failed");
    assert.match(op.errorDetails ?? "", /could not stop/);
    assert.equal(await stateOf(t, "stubborn"), "running");
  });

  it("a restore from a snapshot that fails leaves the new instance stopped", async () => {
    await runningInstance(t, "source");
    await t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "source", instanceSnapshotName: "snap" }));
    await t.skiff.idle();
    const { instanceSnapshot } = await t.lightsail.send(new GetInstanceSnapshotCommand({ instanceSnapshotName: "snap" }));
    assert.equal(instanceSnapshot?.state, "available");

    breakDriver("create");
    const { operations } = await t.lightsail.send(
      new CreateInstancesFromSnapshotCommand({ ...base, instanceSnapshotName: "snap", instanceNames: ["restored"] }),
    );
    const op = operations!.find((o) => o.resourceName === "restored")!;
    assert.equal((await ended(op)).status, "Failed");
    assert.equal(await stateOf(t, "restored"), "stopped");
  });
});

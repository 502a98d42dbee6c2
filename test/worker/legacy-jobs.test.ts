import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { CreateInstancesCommand, GetInstanceCommand } from "@aws-sdk/client-lightsail";
import { startTestSkiff, type TestSkiff } from "../helpers/skiff.js";

const scope = { account: "000000000000", region: "us-east-1" };

/** Rows queued by a Skiff from before the job catalogue: bare payloads, some holding the driver's InstanceSpec. */
describe("jobs queued by an older Skiff", () => {
  let t: TestSkiff;
  before(async () => {
    t = await startTestSkiff();
  });
  after(() => t.close());
  beforeEach(() => t.reset());

  async function runningInstance(name: string) {
    await t.lightsail.send(new CreateInstancesCommand({ instanceNames: [name], availabilityZone: "us-east-1a", blueprintId: "ubuntu_22_04", bundleId: "nano_3_0" }));
    await t.skiff.idle();
    return (await t.skiff.store.read((tx) => tx.instances.get(scope, name)))!;
  }

  it("still runs a create job whose payload is the driver's InstanceSpec", async () => {
    const record = await runningInstance("old-create");
    await t.skiff.driver.destroy(record.computeId);
    await t.skiff.store.transaction(async (tx) => {
      await tx.instances.update(scope, { ...record, state: "pending" });
      const spec = { id: record.computeId, hostname: record.name, image: record.blueprintId, cpuCount: 2, memoryMiB: 512, systemDiskGiB: 20, publicKey: "ssh-ed25519 AAAA old" };
      await tx.jobs.enqueue(scope, "lightsail.instance.create", { name: record.name, computeId: record.computeId, operationIds: [], spec }, t.skiff.clock.now());
    });
    await t.skiff.idle();
    assert.equal((await t.lightsail.send(new GetInstanceCommand({ instanceName: "old-create" }))).instance?.state?.name, "running");
    assert.equal(await t.skiff.driver.status(record.computeId), "running");
  });

  it("still runs a stop job without `force`", async () => {
    const record = await runningInstance("old-stop");
    await t.skiff.store.transaction(async (tx) => {
      await tx.instances.update(scope, { ...record, state: "stopping" });
      await tx.jobs.enqueue(scope, "lightsail.instance.stop", { name: record.name, computeId: record.computeId, operationIds: [] }, t.skiff.clock.now());
    });
    await t.skiff.idle();
    assert.equal((await t.lightsail.send(new GetInstanceCommand({ instanceName: "old-stop" }))).instance?.state?.name, "stopped");
  });
});

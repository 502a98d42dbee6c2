import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, it } from "node:test";
import { CreateInstancesCommand, CreateKeyPairCommand, GetInstanceCommand, StartInstanceCommand } from "@aws-sdk/client-lightsail";
import { cgroupName } from "../../src/compute/linux/host/cgroups.js";
import { eventually, linuxSkipReason } from "../helpers/linux.js";
import { startLinuxSkiff, type LinuxSkiff } from "../helpers/linux-skiff.js";

const skip = await linuxSkipReason();
const scope = { account: "000000000000", region: "us-east-1" };

/** Kills every process of an instance, as a host crash would. */
async function killInstance(tag: string, computeId: string) {
  const procs = await readFile(`/sys/fs/cgroup/pids/${cgroupName(tag, computeId)}/cgroup.procs`, "utf8");
  for (const pid of procs.split("\n").filter(Boolean)) {
    try {
      process.kill(Number(pid), "SIGKILL");
    } catch (e) {
      // Killing the instance's init takes the rest of its PID namespace with it: gone is the goal.
      if ((e as NodeJS.ErrnoException).code !== "ESRCH") throw e;
    }
  }
}

describe("a Skiff restart on the linux driver", { skip }, () => {
  let t: LinuxSkiff;
  before(async () => {
    t = await startLinuxSkiff(["debian_12"], { inMemory: false });
  });
  after(() => t?.cleanup());

  it("adopts instances that still run and records those that died as stopped; a stopped one starts again with its disk", async () => {
    const { privateKeyBase64 } = await t.lightsail.send(new CreateKeyPairCommand({ keyPairName: "restart" }));
    const key = await t.keyFile("restart", privateKeyBase64!);
    await t.lightsail.send(
      new CreateInstancesCommand({
        instanceNames: ["kept", "lost"], availabilityZone: "us-east-1a", blueprintId: "debian_12", bundleId: "nano_3_0", keyPairName: "restart",
        userData: "#!/bin/sh\necho \"first boot of $(hostname)\" > /srv/mark\nsync\n",
      }),
    );
    const instance = async (name: string) => (await t.lightsail.send(new GetInstanceCommand({ instanceName: name }))).instance!;
    const running = (name: string) => eventually(`${name} running`, async () => ((await instance(name)).state?.name === "running" ? instance(name) : undefined), 30_000);
    const mark = async (name: string) => {
      const i = await running(name);
      return eventually(`${name} answering`, async () => (await t.ssh(key, i.publicIpAddress!, "admin", "cat /srv/mark 2>/dev/null || true")).trim() || undefined, 15_000);
    };
    assert.equal(await mark("kept"), "first boot of kept");
    assert.equal(await mark("lost"), "first boot of lost");
    const before = { kept: await instance("kept"), lost: await instance("lost") };
    const lostId = await t.skiff.store.read(async (tx) => (await tx.instances.get(scope, "lost"))!.computeId);

    t = await t.restart();
    assert.equal((await instance("kept")).state?.name, "running");
    assert.equal(await mark("kept"), "first boot of kept", "the running instance was adopted and still answers");

    await killInstance(t.tag, lostId);
    t = await t.restart();
    assert.equal((await instance("lost")).state?.name, "stopped", "an instance that died is recorded stopped");
    assert.equal((await instance("kept")).state?.name, "running");

    await t.lightsail.send(new StartInstanceCommand({ instanceName: "lost" }));
    assert.equal(await mark("lost"), "first boot of lost", "it boots again from its own disk; user data does not run again");
    const after = { kept: await instance("kept"), lost: await instance("lost") };
    assert.deepEqual(
      [after.kept.publicIpAddress, after.lost.publicIpAddress, after.lost.privateIpAddress],
      [before.kept.publicIpAddress, before.lost.publicIpAddress, before.lost.privateIpAddress],
    );
  });
});

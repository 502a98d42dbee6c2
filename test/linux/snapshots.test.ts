import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { snapshotConsistent } from "../../src/compute/consistent-snapshot.js";
import { systemDiskId } from "../../src/compute/driver.js";
import { run } from "../../src/host/exec.js";
import { eventually, linuxSkipReason, openLinuxTestbed, type LinuxTestbed } from "../helpers/linux.js";

const skip = await linuxSkipReason();

const WRITE = `#!/bin/sh
mkdir -p /data
mount /dev/xvdf /data
head -c 3000000 /dev/urandom > /data/blob
cp /data/blob /root/blob
cd / && sha256sum data/blob root/blob > /root/sums
sync
`;

describe("linux snapshots", { skip }, () => {
  let bed: LinuxTestbed;
  before(async () => {
    bed = await openLinuxTestbed();
  });
  after(() => bed?.cleanup());

  it("restores a snapshot of a running instance into a new instance with byte-identical disks", async () => {
    const store = bed.disks;
    await store.create("src.data", 1);
    await run("mkfs.ext4", ["-q", "-F", store.path("src.data")]);
    await bed.driver.create(bed.spec("snap-src", { username: "root", userData: WRITE, disks: [{ diskId: "src.data", devicePath: "/dev/xvdf" }] }));
    const src = (await bed.driver.addresses("snap-src"))!.publicIpAddress;
    await eventually("the user data", async () => ((await bed.ssh(src, "root", "cat /var/lib/skiff/user-data.status")).trim() === "0" ? true : undefined));
    const sums = await bed.ssh(src, "root", "cat /root/sums");
    assert.match(sums, /^([0-9a-f]{64})  data\/blob\n\1  root\/blob\n$/);

    const result = await snapshotConsistent(bed.driver, store, ["snap-src"], [
      { source: systemDiskId("snap-src"), target: "snap-1.root" },
      { source: "src.data", target: "snap-1.data" },
    ], { log: { info: (event, fields = {}) => bed.events.push({ event, fields }), error: () => undefined } });
    assert.ok(result.freezeMs > 0 && result.freezeMs < 5000, `freeze window ${result.freezeMs} ms`);
    const logged = bed.events.find((e) => e.event === "snapshot.consistent");
    assert.equal(logged?.fields.disks, 2);
    assert.equal(typeof logged?.fields.freezeMs, "number");

    await bed.ssh(src, "root", "echo after the snapshot > /data/later; sync");
    await store.copy("snap-1.root", "restored.root", { sizeGiB: 6 });
    await store.copy("snap-1.data", "restored.data");
    await run("cmp", [store.path("snap-1.data"), store.path("restored.data")]);
    await bed.driver.create(
      bed.spec("snap-restored", { username: "root", systemDiskId: "restored.root", systemDiskGiB: 6, disks: [{ diskId: "restored.data", devicePath: "/dev/xvdf" }] }),
    );
    const restored = (await bed.driver.addresses("snap-restored"))!.publicIpAddress;
    await bed.waitForSsh(restored, "root");
    const check = await bed.ssh(restored, "root", "mkdir -p /data && mount /dev/xvdf /data && cd / && sha256sum data/blob root/blob && ls /data && df -m / | tail -1");
    assert.ok(check.startsWith(sums), `restored sums:\n${check}\noriginal:\n${sums}`);
    assert.ok(!check.includes("later"), "a write after the snapshot leaked into it");
    assert.match(check.split("\n").at(-2)!, /^\/dev\/loop\d+\s+(5|6)\d{3}\s/, "the restored system disk grew to 6 GiB");
  });
});

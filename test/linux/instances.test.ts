import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, it } from "node:test";
import { eventually, linuxSkipReason, openLinuxTestbed, ssh, tcpConnect, type LinuxTestbed } from "../helpers/linux.js";
import { run } from "../../src/host/exec.js";

const skip = await linuxSkipReason();

describe("linux instances", { skip }, () => {
  let bed: LinuxTestbed;
  let ip: string;
  before(async () => {
    bed = await openLinuxTestbed();
    await bed.driver.create(
      bed.spec("web-1", {
        userData: "#!/bin/sh\necho \"run as $(id -u)\" >> /var/tmp/user-data-runs\nchmod 644 /var/tmp/user-data-runs\necho hello from user data\n",
      }),
    );
    ip = (await bed.driver.addresses("web-1"))!.publicIpAddress;
  });
  after(() => bed?.cleanup());

  it("runs the user data once, as root, with its output in /var/log/skiff-user-data.log", async () => {
    await eventually("user data to finish", async () => ((await bed.ssh(ip, "admin", "cat /var/lib/skiff/user-data.status")).trim() === "0" ? true : undefined));
    assert.equal(await bed.ssh(ip, "admin", "cat /var/tmp/user-data-runs"), "run as 0\n");
    assert.equal(await bed.ssh(ip, "admin", "cat /var/log/skiff-user-data.log"), "hello from user data\n");
    await bed.driver.reboot("web-1");
    await bed.waitForSsh(ip, "admin");
    assert.equal(await bed.ssh(ip, "admin", "cat /var/tmp/user-data-runs"), "run as 0\n", "user data ran again after a reboot");
  });

  it("lets the key pair's key in as the default user, with the instance name as hostname", async () => {
    assert.equal(await bed.ssh(ip, "admin", "id -un; hostname"), "admin\nweb-1\n");
    await run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", `${bed.dataDir}/stranger`]);
    await assert.rejects(ssh(`${bed.dataDir}/stranger`, ip, "admin", "true"), /Permission denied/);
  });

  it("refuses connections to closed ports and to sources outside the rule's CIDRs", async () => {
    assert.equal(await tcpConnect(ip, 22), "connected");
    assert.equal(await tcpConnect(ip, 80), "ECONNREFUSED", "port 80 was never opened");
    await bed.driver.setPublicPorts("web-1", []);
    assert.equal(await tcpConnect(ip, 22), "ECONNREFUSED");
    await assert.rejects(bed.ssh(ip, "admin", "true"), /Connection refused/);
    await bed.driver.setPublicPorts("web-1", [{ protocol: "tcp", fromPort: 20, toPort: 25, cidrs: ["127.0.0.2/32"] }]);
    assert.equal(await tcpConnect(ip, 22, "127.0.0.2"), "connected");
    assert.equal(await tcpConnect(ip, 22, "127.0.0.1"), "ECONNREFUSED");
    await bed.driver.setPublicPorts("web-1", [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrs: ["0.0.0.0/0"] }]);
    assert.equal(await bed.ssh(ip, "admin", "echo open again"), "open again\n");
  });

  it("limits memory and CPU through the instance's cgroups", async () => {
    const cg = (c: string, file: string) => readFile(`/sys/fs/cgroup/${c}/${bed.options.tag}/web-1/${file}`, "utf8").then((s) => s.trim());
    assert.equal(await cg("memory", "memory.limit_in_bytes"), String(256 * 1024 * 1024));
    assert.equal(await cg("cpu", "cpu.cfs_quota_us"), "100000");
    const before = (await bed.driver.cpuSeconds("web-1"))!;
    await bed.ssh(ip, "admin", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done");
    assert.ok((await bed.driver.cpuSeconds("web-1"))! > before, "CPU time grows as the instance works");
  });

  it("shows attached disks as block devices that root can format and mount, and keeps their bytes across stop and start", async () => {
    await bed.driver.create(bed.spec("db-1", { username: "root" }));
    const dbIp = (await bed.driver.addresses("db-1"))!.publicIpAddress;
    await bed.disks.create("data-1", 1);
    await bed.driver.attachDisk("db-1", { diskId: "data-1", devicePath: "/dev/xvdf" });
    assert.match(await bed.ssh(dbIp, "root", "ls -l /dev/xvdf"), /^brw-rw----/);
    await bed.ssh(dbIp, "root", "mke2fs -q /dev/xvdf && mkdir -p /data && mount /dev/xvdf /data && echo kept > /data/note && df /data | tail -1");
    await assert.rejects(bed.driver.detachDisk("db-1", "/dev/xvdf"), /mounted at \/data inside instance db-1; unmount it first/);
    await bed.driver.stop("db-1", { force: false });
    assert.equal(await bed.driver.status("db-1"), "stopped");
    await bed.driver.start("db-1");
    await bed.waitForSsh(dbIp, "root");
    assert.equal(await bed.ssh(dbIp, "root", "mkdir -p /data && mount /dev/xvdf /data && cat /data/note && umount /data"), "kept\n");
    await bed.driver.detachDisk("db-1", "/dev/xvdf");
    assert.equal(await bed.ssh(dbIp, "root", "ls /dev/xvdf 2>&1 || true"), "ls: /dev/xvdf: No such file or directory\n");
  });

  it("refuses a blueprint without a local image", async () => {
    await assert.rejects(bed.driver.create(bed.spec("no-image", { image: "ubuntu_24_04" })), /blueprint ubuntu_24_04 has no local image; build one with 'skiff image build/);
    assert.equal(await bed.driver.status("no-image"), "absent");
  });
});

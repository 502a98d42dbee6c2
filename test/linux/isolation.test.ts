import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { after, before, describe, it } from "node:test";
import { cidrHost, parseCidr } from "../../src/compute/linux/options.js";
import { eventually, linuxSkipReason, openLinuxTestbed, tcpConnect, type LinuxTestbed } from "../helpers/linux.js";

const skip = await linuxSkipReason();

describe("linux instance isolation", { skip }, () => {
  let bed: LinuxTestbed;
  let a: { public: string; private: string };
  let b: { public: string; private: string };
  const inA = (command: string) => bed.ssh(a.public, "root", command);

  before(async () => {
    bed = await openLinuxTestbed();
    await bed.driver.create(bed.spec("iso-a", { username: "root" }));
    await bed.driver.create(bed.spec("iso-b", { username: "root", userData: "setsid sleep 31337 > /dev/null 2>&1 < /dev/null &\n" }));
    const addr = async (id: string) => {
      const x = (await bed.driver.addresses(id))!;
      return { public: x.publicIpAddress, private: x.privateIpAddress };
    };
    a = await addr("iso-a");
    b = await addr("iso-b");
    await eventually("b's user data", async () => ((await bed.ssh(b.public, "root", "ps -o args")).includes("sleep 31337") ? true : undefined));
  });
  after(() => bed?.cleanup());

  it("cannot see the host's files or mounts", async () => {
    const marker = `/tmp/skiff-host-marker-${randomBytes(4).toString("hex")}`;
    await writeFile(marker, "host only");
    try {
      assert.equal(await inA(`test -e ${marker} && echo visible || echo hidden`), "hidden\n");
    } finally {
      await rm(marker);
    }
    assert.equal(await inA(`test -e ${bed.dataDir} && echo visible || echo hidden`), "hidden\n");
    const mounts = await inA("cat /proc/self/mountinfo");
    assert.ok(!mounts.includes(bed.dataDir) && !mounts.includes("xfs-pool"), mounts);
    assert.match(mounts, /^\d+ \d+ \S+ \/ \/ /m, "the instance's root is its own disk");
    assert.equal(await inA("cat /etc/skiff-image | cut -d' ' -f1"), "minimal\n");
  });

  it("sees only its own processes, under its own init", async () => {
    const ps = await inA("ps -o pid,args");
    assert.ok(!ps.includes("sleep 31337"), ps);
    assert.ok(!ps.includes("node"), ps);
    assert.match(ps, /^\s*1 \/run\/skiff\/tini-static/m);
    assert.match(await bed.ssh(b.public, "root", "ps -o args"), /sleep 31337/);
    assert.equal(await inA("hostname"), "iso-a\n");
  });

  it("reaches other instances on the bridge and nothing off it", async () => {
    const net = parseCidr(bed.options.privateCidr, "test network");
    const routes = await inA("ip -4 route");
    assert.equal(routes.trim(), `${bed.options.privateCidr} dev eth0 scope link  src ${a.private}`);
    assert.match(await inA("ip route get 192.0.2.1 2>&1 || true"), /Network is unreachable/);
    assert.match(await inA(`nc -w 3 ${b.private} 22 < /dev/null | head -c 8`), /^SSH-2.0-/);

    const host = cidrHost(net, 1);
    let reached = 0;
    const server: Server = createServer((socket) => {
      reached++;
      socket.on("error", () => undefined);
      socket.end("host service\n");
    });
    await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
    const port = (server.address() as { port: number }).port;
    try {
      assert.equal(await tcpConnect("127.0.0.1", port), "connected", "the host service answers on the host");
      reached = 0;
      assert.equal(await inA(`nc -w 2 ${host} ${port} < /dev/null; echo "exit $?"`), "exit 1\n");
      assert.equal(reached, 0, "the host service was reached from the instance");
    } finally {
      server.close();
    }
  });
});

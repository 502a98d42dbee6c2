import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, it } from "node:test";
import { DriverError, SYSTEM_DEVICE, type ComputeDriver, type InstanceSpec } from "../../src/compute/driver.js";
import type { DriverModule } from "../../src/compute/module.js";
import { contractTests } from "./suite.js";

/** A driver under test and what the suite needs around it. */
export interface ComputeDriverFixture {
  /** The registry's module the driver was made with. */
  module: DriverModule;
  driver(): ComputeDriver;
  spec(id: string): InstanceSpec;
  /** Makes a disk that instances can attach (a no-op where disks hold no bytes). */
  makeDisk(id: string): Promise<void>;
  /** Two files on reflink-capable storage and new target paths, for `cloneWhileFrozen`. */
  cloneableFiles?(): Promise<{ source: string; target: string }[]>;
  /** Closes the driver and opens it again on the same state (a Skiff restart). */
  reopen(): Promise<void>;
  cleanup(): Promise<void>;
}

const isDriverError = (pattern: RegExp) => (e: Error) => e instanceof DriverError && pattern.test(e.message);

/** The behaviour every ComputeDriver shares (STYLE 12). */
export function computeDriverContract(name: string, fixture: () => Promise<ComputeDriverFixture | string>) {
  let fx: ComputeDriverFixture | undefined;
  const d = () => fx!.driver();

  describe(`ComputeDriver contract: ${name}`, () => {
    const contractTest = contractTests(
      fixture,
      async (got) => {
        fx = got;
      },
      async () => {
        await fx?.cleanup();
      },
    );
    const test = (title: string, fn: () => Promise<void>, only?: (info: ReturnType<ComputeDriver["info"]>) => string | undefined) =>
      contractTest(title, fn, only && (() => only(d().info())));

    test("names itself and its capabilities", async () => {
      assert.equal(d().name, name);
      const info = d().info();
      for (const flag of ["needsFreezeForSnapshot", "realInstances", "assignsAddresses"] as const) assert.equal(typeof info[flag], "boolean");
      assert.equal(info.realInstances, fx!.module.realInstances, "the module tells the truth before the driver exists");
      assert.equal(info.realInstances, fx!.module.storesDiskBytes, "drivers with real instances keep real disks");
    });

    test("creates a running instance with its system disk first, and creating again is harmless", async () => {
      await d().create(fx!.spec("i-contract-a"));
      assert.equal(await d().status("i-contract-a"), "running");
      await d().create(fx!.spec("i-contract-a"));
      assert.equal(await d().status("i-contract-a"), "running");
      const disks = await d().instanceDisks("i-contract-a");
      assert.equal(disks[0]?.devicePath, SYSTEM_DEVICE);
      assert.equal(disks.length, 1);
    });

    test("tells its addresses exactly when it assigns them", async () => {
      await d().create(fx!.spec("i-contract-b"));
      const addresses = await d().addresses("i-contract-b");
      if (!d().info().assignsAddresses) return assert.equal(addresses, undefined);
      assert.match(addresses!.privateIpAddress, /^\d+\.\d+\.\d+\.\d+$/);
      assert.match(addresses!.publicIpAddress, /^127\.\d+\.\d+\.\d+$/);
      const other = await d().addresses("i-contract-a");
      assert.notEqual(other?.privateIpAddress, addresses!.privateIpAddress);
    });

    test("stops, starts and reboots an instance", async () => {
      await d().create(fx!.spec("i-contract-c"));
      await d().stop("i-contract-c", { force: false });
      assert.equal(await d().status("i-contract-c"), "stopped");
      assert.equal(await d().cpuSeconds("i-contract-c"), undefined);
      await d().start("i-contract-c");
      assert.equal(await d().status("i-contract-c"), "running");
      await d().reboot("i-contract-c");
      assert.equal(await d().status("i-contract-c"), "running");
      const cpu = await d().cpuSeconds("i-contract-c");
      assert.ok(typeof cpu === "number" && cpu >= 0, `cpu ${cpu}`);
      await d().stop("i-contract-c", { force: true });
      assert.equal(await d().status("i-contract-c"), "stopped");
    });

    test("refuses to act on an unknown instance but destroys one quietly", async () => {
      await assert.rejects(d().start("i-nobody"), isDriverError(/no instance i-nobody/));
      await assert.rejects(d().stop("i-nobody", { force: true }), isDriverError(/no instance i-nobody/));
      await assert.rejects(d().attachDisk("i-nobody", { diskId: "x", devicePath: "/dev/xvdf" }), isDriverError(/no instance i-nobody/));
      await d().destroy("i-nobody");
      assert.equal(await d().status("i-nobody"), "absent");
    }, (info) => (info.realInstances ? undefined : "simulated instances are whatever the database says (see the next test)"));

    test("takes an instance it never saw to be what the database says, as after a restart", async () => {
      await d().start("i-remembered");
      assert.equal(await d().status("i-remembered"), "running");
      await d().stop("i-remembered", { force: false });
      assert.equal(await d().status("i-remembered"), "stopped");
      await d().attachDisk("i-remembered-2", { diskId: "disk-remembered", devicePath: "/dev/xvdf" });
      assert.deepEqual((await d().instanceDisks("i-remembered-2")).slice(1), [{ diskId: "disk-remembered", devicePath: "/dev/xvdf" }]);
      await d().destroy("i-remembered");
      assert.equal(await d().status("i-remembered"), "absent");
    }, (info) => (info.realInstances ? "real instances exist only where the driver made them" : undefined));

    test("attaches and detaches disks by device path", async () => {
      await d().create(fx!.spec("i-contract-d"));
      await fx!.makeDisk("disk-contract-1");
      await fx!.makeDisk("disk-contract-2");
      await d().attachDisk("i-contract-d", { diskId: "disk-contract-1", devicePath: "/dev/xvdf" });
      await assert.rejects(d().attachDisk("i-contract-d", { diskId: "disk-contract-2", devicePath: "/dev/xvdf" }), isDriverError(/\/dev\/xvdf of instance i-contract-d is in use/));
      await assert.rejects(d().attachDisk("i-contract-a", { diskId: "disk-contract-1", devicePath: "/dev/xvdg" }), isDriverError(/already attached to instance i-contract-d/));
      await assert.rejects(d().attachDisk("i-contract-d", { diskId: "disk-contract-2", devicePath: "/dev/xvda" }), isDriverError(/not a device path/));
      await assert.rejects(d().attachDisk("i-contract-d", { diskId: "disk-contract-2", devicePath: "/etc/passwd" }), isDriverError(/not a device path/));
      await d().attachDisk("i-contract-d", { diskId: "disk-contract-2", devicePath: "/dev/xvdg" });
      assert.deepEqual((await d().instanceDisks("i-contract-d")).slice(1), [
        { diskId: "disk-contract-1", devicePath: "/dev/xvdf" },
        { diskId: "disk-contract-2", devicePath: "/dev/xvdg" },
      ]);
      await d().detachDisk("i-contract-d", "/dev/xvdf");
      await assert.rejects(d().detachDisk("i-contract-d", "/dev/xvdf"), isDriverError(/no disk at \/dev\/xvdf/));
      await d().stop("i-contract-d", { force: true });
      await d().start("i-contract-d");
      assert.deepEqual((await d().instanceDisks("i-contract-d")).slice(1), [{ diskId: "disk-contract-2", devicePath: "/dev/xvdg" }]);
    });

    test("keeps valid public port rules and refuses bad ones", async () => {
      await d().create(fx!.spec("i-contract-e"));
      await d().setPublicPorts("i-contract-e", [
        { protocol: "tcp", fromPort: 22, toPort: 22, cidrs: ["0.0.0.0/0"] },
        { protocol: "all", fromPort: 8000, toPort: 8010, cidrs: ["10.0.0.0/8", "127.0.0.1/32"] },
      ]);
      const bad = (cidrs: string[], fromPort = 1, toPort = 1) =>
        d().setPublicPorts("i-contract-e", [{ protocol: "tcp", fromPort, toPort, cidrs }]);
      await assert.rejects(bad(["1.2.3.4/33"]), isDriverError(/'1.2.3.4\/33' is not an IPv4 CIDR/));
      await assert.rejects(bad(["0.0.0.0/0; flush ruleset"]), isDriverError(/is not an IPv4 CIDR/));
      await assert.rejects(bad(["0.0.0.0/0"], 80, 22), isDriverError(/80-22 is backwards/));
      await assert.rejects(bad(["0.0.0.0/0"], 1, 70000), isDriverError(/port 70000/));
    });

    test("freezes and thaws running and stopped instances", async () => {
      await d().create(fx!.spec("i-contract-f"));
      await d().create(fx!.spec("i-contract-g"));
      await d().stop("i-contract-g", { force: true });
      await d().freeze(["i-contract-f", "i-contract-g"]);
      await d().thaw(["i-contract-f", "i-contract-g"]);
      assert.equal(await d().status("i-contract-f"), "running");
      await d().stop("i-contract-f", { force: false });
      assert.equal(await d().status("i-contract-f"), "stopped");
    });

    test(
      "clones files while its instances are frozen, in one step",
      async () => {
        await d().create(fx!.spec("i-contract-j"));
        const files = await fx!.cloneableFiles!();
        const report = await d().cloneWhileFrozen!(["i-contract-j"], files);
        assert.ok(report.quiesceMs >= 0);
        assert.ok(report.frozenMs === undefined || report.frozenMs >= 0);
        for (const f of files) assert.deepEqual(await readFile(f.target), await readFile(f.source));
        await assert.rejects(d().cloneWhileFrozen!(["i-contract-j"], files), /exists/);
        assert.equal(await d().status("i-contract-j"), "running", "thawed after a failed clone");
      },
      () => (!d().cloneWhileFrozen ? "this driver has no freezer that clones" : fx!.cloneableFiles ? undefined : "no reflink-capable files here"),
    );

    test("adopts its running instances after a restart", async () => {
      await d().create(fx!.spec("i-contract-h"));
      await fx!.reopen();
      assert.equal(await d().status("i-contract-h"), "running");
      assert.equal(await d().status("i-contract-c"), "stopped");
      await d().stop("i-contract-h", { force: true });
      assert.equal(await d().status("i-contract-h"), "stopped");
    }, (info) => (info.realInstances ? undefined : "simulated instances live in memory only; after a restart the database is the truth"));

    test("destroys an instance, and reset destroys them all", async () => {
      await d().create(fx!.spec("i-contract-i"));
      await d().destroy("i-contract-i");
      assert.equal(await d().status("i-contract-i"), "absent");
      await assert.rejects(d().instanceDisks("i-contract-i"), isDriverError(/no instance i-contract-i/));
      await d().reset();
      for (const id of ["i-contract-a", "i-contract-b", "i-contract-d"]) assert.equal(await d().status(id), "absent");
    });
  });
}

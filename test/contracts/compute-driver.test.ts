import { writeFile } from "node:fs/promises";
import { linuxDriver } from "../../src/compute/linux/module.js";
import { simDriver } from "../../src/compute/sim/module.js";
import { createClock } from "../../src/core/clock.js";
import { linuxSkipReason, openLinuxTestbed } from "../helpers/linux.js";
import { computeDriverContract } from "./compute-driver.js";

computeDriverContract("sim", async () => {
  const open = () => simDriver.create({ clock: createClock(), transitionMs: 0, dataDir: "" }, {});
  let driver = await open();
  return {
    module: simDriver,
    driver: () => driver,
    spec: (id) => ({ id, hostname: id, image: "amazon_linux_2023", cpuCount: 2, memoryMiB: 1024, systemDiskGiB: 40, userData: "", username: "ec2-user" }),
    makeDisk: async () => undefined,
    async reopen() {
      await driver.close();
      driver = await open();
    },
    cleanup: () => driver.close(),
  };
});

computeDriverContract("linux", async () => {
  const why = await linuxSkipReason();
  if (why) return why;
  const bed = await openLinuxTestbed();
  return {
    module: linuxDriver,
    driver: () => bed.driver,
    spec: (id) => bed.spec(id),
    makeDisk: (id) => bed.disks.create(id, 1),
    async cloneableFiles() {
      const store = bed.disks;
      if (!store.planClones) return [];
      const files = [];
      for (const id of ["clone-a", "clone-b"]) {
        await writeFile(store.path(id), `bytes of ${id}`);
        files.push({ source: store.path(id), target: `${store.path(id)}.cloned` });
      }
      return files;
    },
    reopen: async () => void (await bed.reopen()),
    cleanup: () => bed.cleanup(),
  };
});

import { writeFile } from "node:fs/promises";
import { createSimDriver } from "../../src/compute/sim/sim-driver.js";
import { createClock } from "../../src/core/clock.js";
import { linuxSkipReason, openLinuxTestbed } from "../helpers/linux.js";
import { computeDriverContract } from "./compute-driver.js";

computeDriverContract("sim", async () => {
  let driver = createSimDriver({ clock: createClock(), transitionMs: 0 });
  return {
    driver: () => driver,
    spec: (id) => ({ id, hostname: id, image: "amazon_linux_2023", cpuCount: 2, memoryMiB: 1024, systemDiskGiB: 40, userData: "", username: "ec2-user" }),
    makeDisk: async () => undefined,
    async reopen() {
      await driver.close();
      driver = createSimDriver({ clock: createClock(), transitionMs: 0 });
    },
    cleanup: () => driver.close(),
  };
});

computeDriverContract("linux", async () => {
  const why = await linuxSkipReason();
  if (why) return why;
  const bed = await openLinuxTestbed();
  return {
    driver: () => bed.driver,
    spec: (id) => bed.spec(id),
    makeDisk: (id) => bed.driver.disks!.create(id, 1),
    async cloneableFiles() {
      const store = bed.driver.disks!;
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

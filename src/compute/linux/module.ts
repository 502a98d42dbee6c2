import { DriverError } from "../driver.js";
import { DriverOptionError, driverOptionsSpec, type DriverModule } from "../module.js";
import { checkOptions, linuxDefaults, type LinuxDriverOptions } from "./options.js";

type LinuxOptions = Omit<LinuxDriverOptions, "dataDir">;

const options = driverOptionsSpec<LinuxOptions>(
  "linux",
  {
    tag: { flag: "host-tag", env: "SKIFF_HOST_TAG", kind: "string", help: "prefix of its bridge, netns, cgroups, nftables (1-6 letters/digits)" },
    privateCidr: { flag: "private-cidr", env: "SKIFF_PRIVATE_CIDR", kind: "string", help: "the instances' bridge network" },
    publicCidr: { flag: "public-cidr", env: "SKIFF_PUBLIC_CIDR", kind: "string", help: "public addresses, in 127.0.0.0/8" },
    stopGraceMs: { flag: "stop-grace-ms", env: "SKIFF_STOP_GRACE_MS", kind: "integer", help: "wait after SIGTERM before a stop kills" },
    bootTimeoutMs: { flag: "boot-timeout-ms", env: "SKIFF_BOOT_TIMEOUT_MS", kind: "integer", help: "how long a boot may take" },
  },
  linuxDefaults,
  (o) => {
    try {
      checkOptions({ ...o, dataDir: "" });
    } catch (e) {
      throw e instanceof DriverError ? new DriverOptionError(e.message) : e;
    }
  },
);

/**
 * The linux driver: real instances in namespaces and cgroups, disks in the disk store skiff.ts
 * opens beside it; `skiff image` builds its blueprint images.
 */
export const linuxDriver: DriverModule = {
  storesDiskBytes: true,
  realInstances: true,
  options,
  commands: {
    image: {
      usage: "skiff image build <minimal|debian_12> | list   (blueprint images of the linux driver)",
      run: async (argv, env) => (await import("./images/cli.js")).imageCommand(argv, env),
    },
  },
  async create({ dataDir, log, disks }, given) {
    const checked = options.check(given);
    if (!disks) throw new Error("the linux driver stores disk bytes: it needs the disk store skiff.ts opens beside it");
    const { createLinuxDriver } = await import("./linux-driver.js");
    return createLinuxDriver({ ...linuxDefaults, ...checked, dataDir }, disks, log);
  },
};

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { access, mkdtemp, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { promisify } from "node:util";
import { computeDrivers } from "../../src/compute/index.js";
import { ConfigError, optionsFromCommandLine, USAGE, type SkiffOptions } from "../../src/config.js";
import { startSkiff } from "../../src/skiff.js";

const exec = promisify(execFile);
const MAIN = fileURLToPath(new URL("../../src/main.js", import.meta.url));
const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => optionsFromCommandLine(argv, env) as SkiffOptions;
const configError = (pattern: RegExp) => (e: Error) => e instanceof ConfigError && pattern.test(e.message);

describe("each driver parses its own options", () => {
  it("gives the linux driver its flags, typed, with flags winning over the environment", () => {
    const o = parse(["--driver", "linux", "--private-cidr", "10.9.0.0/16", "--stop-grace-ms", "250"], {
      SKIFF_PRIVATE_CIDR: "10.8.0.0/16",
      SKIFF_HOST_TAG: "lab1",
      SKIFF_BOOT_TIMEOUT_MS: "",
    });
    assert.deepEqual(o.driverOptions, { tag: "lab1", privateCidr: "10.9.0.0/16", stopGraceMs: 250 });
  });

  it("reads no linux variable for the sim driver, and the sim driver has no options", () => {
    assert.deepEqual(parse([], { SKIFF_PRIVATE_CIDR: "not a cidr" }).driverOptions, {});
  });

  it("refuses another driver's flag, naming whose it is", () => {
    assert.throws(() => parse(["--public-cidr", "127.9.0.0/24"]), configError(/--public-cidr is an option of the linux driver, not of the sim driver/));
  });

  it("refuses bad values with what is wrong", () => {
    assert.throws(() => parse(["--driver", "linux", "--stop-grace-ms", "soon"]), configError(/--stop-grace-ms of the linux driver must be an integer >= 0, not 'soon'/));
    assert.throws(() => parse(["--driver", "linux", "--public-cidr", "10.0.0.0/24"]), configError(/public network must be in 127\.0\.0\.0\/8/));
    assert.throws(() => parse(["--driver", "linux"], { SKIFF_HOST_TAG: "Has-Caps" }), configError(/tag must be 1-6 lower-case letters or digits/));
    assert.throws(() => parse(["--driver", "vmware"]), configError(/--driver must be one of sim, linux, not 'vmware'/));
  });

  it("lists every driver's flags and sub-commands in the usage", () => {
    for (const [name, module] of computeDrivers) {
      for (const flag of Object.keys(module.options.flags)) assert.match(USAGE, new RegExp(`--${flag} <[a-z]+> +${name} driver: `));
      for (const command of Object.values(module.commands)) assert.ok(USAGE.includes(command.usage), command.usage);
    }
    assert.match(USAGE, /--driver <sim\|linux>/);
  });

  it("runs a driver's sub-command from the skiff CLI", async () => {
    const { stdout } = await exec(process.execPath, [MAIN, "image", "--help"]);
    assert.match(stdout, /Usage: skiff image <command>/);
  });
});

describe("driver options in code", () => {
  it("refuses a name the driver does not have, before anything is opened", async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), "skiff-dopt-")), "state");
    try {
      await assert.rejects(startSkiff({ inMemory: false, dataDir, driverOptions: { tag: "x" } }), /the sim driver has no option 'tag'; it has none/);
      await assert.rejects(
        startSkiff({ driver: "linux", auth: "off", inMemory: false, dataDir, driverOptions: { stopGraceMs: -1 } }),
        /stopGraceMs of the linux driver must be an integer >= 0, not '-1'/,
      );
      await assert.rejects(startSkiff({ driver: "linux", auth: "off", dataDir, driverOptions: { bridge: "br0" } }), /the linux driver has no option 'bridge'; it has tag, privateCidr/);
      await assert.rejects(access(dataDir), /ENOENT/, "a refused option leaves no data directory");
    } finally {
      await rm(join(dataDir, ".."), { recursive: true, force: true });
    }
  });

  it("a start that fails late closes what it had opened", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as AddressInfo).port;
    const resources = () => process.getActiveResourcesInfo().filter((r) => r !== "TTYWrap").length;
    const before = resources();
    try {
      await assert.rejects(startSkiff({ port }), /EADDRINUSE/);
      await new Promise((r) => setImmediate(r));
      assert.equal(resources(), before, `left open: ${process.getActiveResourcesInfo().join(", ")}`);
      const skiff = await startSkiff({ port: 0 });
      await skiff.close();
    } finally {
      taken.close();
    }
  });
});

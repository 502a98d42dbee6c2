import { execFile } from "node:child_process";
import { randomInt } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ComputeDriver, InstanceSpec } from "../../src/compute/driver.js";
import { buildMinimalImage } from "../../src/compute/linux/images/build-minimal.js";
import { openImageCatalog } from "../../src/compute/linux/images/catalog.js";
import { linuxDriver } from "../../src/compute/linux/module.js";
import type { LinuxDriverOptions } from "../../src/compute/linux/options.js";
import { linuxDriverProblems } from "../../src/compute/linux/preflight.js";
import { CGROUP_CONTROLLERS } from "../../src/compute/linux/preflight.js";
import { createClock } from "../../src/core/clock.js";
import { createLogger, type Logger } from "../../src/core/log.js";
import { hasCommand, run } from "../../src/host/exec.js";
import type { DiskStore } from "../../src/storage/disk-store.js";
import { openDiskStore, type StorageKind } from "../../src/storage/index.js";

/**
 * Why host-level tests cannot run here, or undefined when they can: they need root on Linux
 * and the named tools on PATH.
 */
export async function hostSkipReason(what: string, tools: string[]): Promise<string | undefined> {
  if (process.platform !== "linux") return `${what} needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return `${what} needs root`;
  const missing: string[] = [];
  for (const tool of tools) if (!(await hasCommand(tool))) missing.push(tool);
  if (missing.length > 0) return `${what} needs ${missing.join(", ")} on PATH`;
  return undefined;
}

/** Tools the linux tests use besides the driver's: an SSH client, the minimal image's parts, debugfs. */
const TEST_TOOLS = ["ssh", "ssh-keygen", "/usr/sbin/dropbear", "dropbearkey", "debugfs", "mkfs.ext4"];

export async function linuxSkipReason(): Promise<string | undefined> {
  return (await linuxDriverProblems()) ?? (await hostSkipReason("the linux driver tests", TEST_TOOLS));
}

export const TEST_BLUEPRINT = "test_bp";

export interface LinuxTestbed {
  driver: ComputeDriver;
  /** The disk store opened beside the driver, as skiff.ts does; it outlives a `reopen`. */
  disks: DiskStore;
  dataDir: string;
  options: Partial<LinuxDriverOptions> & { tag: string; privateCidr: string; publicCidr: string };
  /** The key pair: a private key file for `ssh -i` and its public key line. */
  keyPath: string;
  publicKey: string;
  events: { event: string; fields: Record<string, unknown> }[];
  spec(id: string, overrides?: Partial<InstanceSpec>): InstanceSpec;
  /** Closes the driver and opens a new one on the same data directory (a Skiff restart). */
  reopen(): Promise<ComputeDriver>;
  ssh(ip: string, user: string, command: string): Promise<string>;
  waitForSsh(ip: string, user: string, timeoutMs?: number): Promise<number>;
  /** Host objects of this testbed that still exist. */
  leftovers(): Promise<string[]>;
  /** Removes every instance, closes, deletes the data directory; throws if anything leaked. */
  cleanup(): Promise<void>;
}

/**
 * A linux driver of its own (own tag, bridge network, data directory with an XFS pool when
 * /tmp has no reflink) with the minimal image installed as TEST_BLUEPRINT.
 */
export async function openLinuxTestbed(
  overrides: Partial<LinuxDriverOptions> = {},
  storage: { storage: StorageKind; xfsPoolGiB: number } = { storage: "auto", xfsPoolGiB: 64 },
): Promise<LinuxTestbed> {
  const dataDir = await mkdtemp(join(tmpdir(), "skiff-linux-"));
  const net = randomInt(100, 250);
  const options = {
    tag: `t${randomInt(36 ** 4, 36 ** 5).toString(36)}`,
    privateCidr: `172.27.${net}.0/24`,
    publicCidr: `127.27.${net}.0/24`,
    stopGraceMs: 3000,
    ...overrides,
  };
  const events: LinuxTestbed["events"] = [];
  const log: Logger = {
    info: (event, fields = {}) => events.push({ event, fields }),
    error: (event, fields = {}) => events.push({ event, fields }),
  };
  const disks = await openDiskStore({ dataDir, kind: storage.storage, xfsPoolGiB: storage.xfsPoolGiB });
  const image = join(dataDir, "minimal.img");
  await buildMinimalImage(image);
  await (await openImageCatalog(disks)).install(image, [TEST_BLUEPRINT]);
  await rm(image);
  const keyPath = join(dataDir, "key");
  await run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "skiff-test", "-f", keyPath]);
  const publicKey = (await readFile(`${keyPath}.pub`, "utf8")).trim();
  const open = () => linuxDriver.create({ clock: createClock(), transitionMs: 0, dataDir, log, disks }, options);

  const bed: LinuxTestbed = {
    driver: await open(),
    disks,
    dataDir,
    options,
    keyPath,
    publicKey,
    events,
    spec: (id, o = {}) => ({
      id,
      hostname: id,
      image: TEST_BLUEPRINT,
      cpuCount: 1,
      memoryMiB: 256,
      systemDiskGiB: 4,
      userData: "",
      username: "admin",
      publicKey,
      ports: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrs: ["0.0.0.0/0"] }],
      ...o,
    }),
    async reopen() {
      await bed.driver.close();
      bed.driver = await open();
      return bed.driver;
    },
    ssh: (ip, user, command) => ssh(keyPath, ip, user, command),
    async waitForSsh(ip, user, timeoutMs = 10_000) {
      const started = performance.now();
      for (;;) {
        try {
          await ssh(keyPath, ip, user, "true");
          return performance.now() - started;
        } catch (e) {
          if (performance.now() - started > timeoutMs) throw e;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    },
    leftovers: () => leftovers(dataDir, options.tag),
    async cleanup() {
      try {
        await bed.driver.reset();
        await bed.driver.close();
      } finally {
        await disks.close();
        const left = await leftovers(dataDir, options.tag);
        await rm(dataDir, { recursive: true, force: true });
        if (left.length > 0) throw new Error(`the linux driver left behind: ${left.join("; ")}`);
      }
    },
  };
  return bed;
}

export function ssh(keyPath: string, ip: string, user: string, command: string): Promise<string> {
  const args = ["-i", keyPath, "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes"];
  args.push("-o", "LogLevel=ERROR", "-o", "ConnectTimeout=5", `${user}@${ip}`, command);
  return new Promise((resolve, reject) => {
    execFile("ssh", args, { timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`ssh ${user}@${ip} '${command.slice(0, 80)}' failed: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

/** Mounts, loop devices, namespaces, links, cgroups and nftables tables of a tag/data directory. */
export async function leftovers(dataDir: string, tag: string): Promise<string[]> {
  const out: string[] = [];
  for (const line of (await readFile("/proc/self/mountinfo", "utf8")).split("\n")) {
    const point = line.split(" ")[4];
    if (point?.startsWith(dataDir) || point?.includes(`/${tag}-`)) out.push(`mount ${point}`);
  }
  const loops = await run("losetup", ["--list", "--noheadings", "--output", "NAME,BACK-FILE"]).catch(() => "");
  for (const line of loops.split("\n")) if (line.includes(dataDir)) out.push(`loop ${line.trim()}`);
  for (const ns of await readdir("/run/netns").catch(() => [] as string[])) if (ns.startsWith(`${tag}-`)) out.push(`netns ${ns}`);
  for (const link of await readdir("/sys/class/net")) if (link.startsWith(tag)) out.push(`link ${link}`);
  for (const c of CGROUP_CONTROLLERS) {
    if (await readdir(`/sys/fs/cgroup/${c}/${tag}`).then(() => true, () => false)) out.push(`cgroup ${c}/${tag}`);
  }
  if (await run("nft", ["list", "table", "ip", tag]).then(() => true, () => false)) out.push(`nftables table ip ${tag}`);
  return out;
}

/** Connects once: "connected", or the error code (ECONNREFUSED …) or "timeout". */
export function tcpConnect(host: string, port: number, localAddress?: string, timeoutMs = 3000): Promise<string> {
  return import("node:net").then(
    ({ connect }) =>
      new Promise((resolve) => {
        const socket = connect({ host, port, localAddress });
        const done = (result: string) => {
          socket.destroy();
          resolve(result);
        };
        socket.setTimeout(timeoutMs, () => done("timeout"));
        socket.once("connect", () => done("connected"));
        socket.once("error", (e: NodeJS.ErrnoException) => done(e.code ?? e.message));
      }),
  );
}

/** Polls until `probe` returns a value, or fails with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ""}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

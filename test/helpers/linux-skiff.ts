import { randomInt } from "node:crypto";
import { access, mkdir, mkdtemp, rm, rmdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildMinimalImage } from "../../src/compute/linux/images/build-minimal.js";
import { openImageCatalog } from "../../src/compute/linux/images/catalog.js";
import { openDiskStore } from "../../src/storage/index.js";
import { run } from "../../src/host/exec.js";
import { leftovers, ssh } from "./linux.js";
import type { SkiffOptions } from "../../src/config.js";
import { startTestSkiff, type TestSkiff } from "./skiff.js";

/** Where a Skiff on the linux driver keeps a disk's bytes, and how to reach its instances. */
export interface LinuxSkiff extends TestSkiff {
  dataDir: string;
  tag: string;
  /** Writes a private key (as CreateKeyPair returned it) to a file `ssh -i` accepts. */
  keyFile(name: string, privateKey: string): Promise<string>;
  ssh(keyPath: string, ip: string, user: string, command: string): Promise<string>;
  /** The image file of a disk of the store (a volume, a Lightsail disk's handle). */
  diskPath(diskId: string): Promise<string>;
  /** Closes this Skiff (its instances go on running) and starts another on the same data directory. */
  restart(): Promise<LinuxSkiff>;
  /** Resets (every instance and disk goes), closes, and throws if any host object of its tag is left. */
  cleanup(): Promise<void>;
}

/**
 * A /24 of 172.28/16 (and of 127.28/8) that no interface of the host uses and no other test file
 * has reserved: test files run side by side, and two bridges on one network would take each
 * other's traffic. The reservation is a directory, made atomically, removed with the data directory's owner.
 */
async function reserveNet(dataDir: string): Promise<number> {
  const used = await run("ip", ["-4", "-o", "addr"]);
  for (let tries = 0; tries < 50; tries++) {
    await mkdir(NETS, { recursive: true });
    const net = randomInt(100, 250);
    if (used.includes(`172.28.${net}.`)) continue;
    const made = await mkdir(join(NETS, String(net))).then(() => true, () => false);
    if (!made) continue;
    await writeFile(join(NETS, String(net), "owner"), dataDir);
    return net;
  }
  throw new Error("no free test network in 172.28.100-249.0/24");
}

const NETS = join(tmpdir(), "skiff-e2e-nets");

async function releaseNet(net: number) {
  await rm(join(NETS, String(net)), { recursive: true, force: true });
  await rmdir(NETS).catch(() => undefined); // the last one out removes the directory
}

/**
 * A real Skiff on the linux driver in a data directory of its own (an XFS reflink pool when /tmp
 * has no reflink), with its own tag and networks, and the minimal image installed as the images
 * of `blueprints` (Lightsail blueprint ids; EC2 AMIs boot the blueprint of their system).
 */
export async function startLinuxSkiff(blueprints: string[], extra: Partial<SkiffOptions> = {}): Promise<LinuxSkiff> {
  const dataDir = await mkdtemp(join(tmpdir(), "skiff-e2e-"));
  const net = await reserveNet(dataDir);
  const tag = `e${randomInt(36 ** 4, 36 ** 5).toString(36)}`;
  const storage = { storage: "auto" as const, xfsPoolGiB: 64 };
  try {
    const store = await openDiskStore({ dataDir, kind: storage.storage, xfsPoolGiB: storage.xfsPoolGiB });
    try {
      const image = join(dataDir, "minimal.img");
      await buildMinimalImage(image);
      await (await openImageCatalog(store)).install(image, blueprints);
      await rm(image);
    } finally {
      await store.close();
    }
    const options: Partial<SkiffOptions> = {
      driver: "linux", auth: "off", dataDir, ...storage,
      driverOptions: { tag, privateCidr: `172.28.${net}.0/24`, publicCidr: `127.28.${net}.0/24`, stopGraceMs: 2000 },
      ...extra,
    };
    return wrap(await startTestSkiff(options), options, dataDir, tag, net);
  } catch (e) {
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    await releaseNet(net);
    throw e;
  }
}

function wrap(t: TestSkiff, options: Partial<SkiffOptions>, dataDir: string, tag: string, net: number): LinuxSkiff {
  const keys = join(dataDir, "keys");
  return {
    ...t,
    dataDir,
    tag,
    async keyFile(name, privateKey) {
      const path = join(keys, name);
      await mkdir(keys, { recursive: true });
      await writeFile(path, privateKey.endsWith("\n") ? privateKey : `${privateKey}\n`, { mode: 0o600 });
      return path;
    },
    ssh,
    async diskPath(diskId) {
      for (const dir of [join(dataDir, "xfs-pool", "disks"), join(dataDir, "disks")]) {
        const path = join(dir, `${diskId}.img`);
        if (await access(path).then(() => true, () => false)) return path;
      }
      throw new Error(`no disk ${diskId} under ${dataDir}`);
    },
    async restart() {
      await t.close();
      return wrap(await startTestSkiff(options), options, dataDir, tag, net);
    },
    async cleanup() {
      try {
        await t.reset();
        await t.close();
      } finally {
        const left = await leftovers(dataDir, tag);
        await rm(dataDir, { recursive: true, force: true });
        await releaseNet(net);
        if (left.length > 0) throw new Error(`the linux driver left behind: ${left.join("; ")}`);
      }
    },
  };
}

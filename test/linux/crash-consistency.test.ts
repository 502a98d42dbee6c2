import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { snapshotConsistent } from "../../src/compute/consistent-snapshot.js";
import { systemDiskId } from "../../src/compute/driver.js";
import { run } from "../../src/host/exec.js";
import type { DiskStore } from "../../src/storage/disk-store.js";
import { eventually, linuxSkipReason, openLinuxTestbed, type LinuxTestbed } from "../helpers/linux.js";
import { inconsistency, readPair, WRITE_RECORDS, type Pair } from "../helpers/records.js";

const skip = await linuxSkipReason();
const REPETITIONS = 20;
const FS_FROZEN = 5;

/** Mounts both disks and starts the writer (see WRITE_RECORDS). */
const WRITER = `#!/bin/sh
mkdir -p /a /b
mount /dev/xvdf /a
mount /dev/xvdg /b
setsid sh -c '${WRITE_RECORDS}' > /dev/null 2>&1 < /dev/null &
`;

async function readRestoredPair(store: DiskStore, a: string, b: string, mountDir: string): Promise<Pair> {
  await store.copy(a, `${a}.restored`);
  await store.copy(b, `${b}.restored`);
  try {
    return await readPair(store.path(`${a}.restored`), store.path(`${b}.restored`), mountDir);
  } finally {
    await store.delete(`${a}.restored`);
    await store.delete(`${b}.restored`);
  }
}

describe("crash-consistent snapshots", { skip }, () => {
  let bed: LinuxTestbed;
  let store: DiskStore;
  let mountDir: string;
  before(async () => {
    bed = await openLinuxTestbed();
    store = bed.disks;
    mountDir = join(bed.dataDir, "verify");
    await mkdir(mountDir);
    for (const disk of ["cc.a", "cc.b"]) {
      await store.create(disk, 1);
      await run("mkfs.ext4", ["-q", "-F", store.path(disk)]);
    }
    await bed.driver.create(
      bed.spec("writer", {
        username: "root",
        userData: WRITER,
        disks: [
          { diskId: "cc.a", devicePath: "/dev/xvdf" },
          { diskId: "cc.b", devicePath: "/dev/xvdg" },
        ],
      }),
    );
    const ip = (await bed.driver.addresses("writer"))!.publicIpAddress;
    await eventually("the writer to write", async () => (Number(await bed.ssh(ip, "root", "cat /b/log | wc -l")) > 20 ? true : undefined));
  });
  after(() => bed?.cleanup());

  /** Snapshots 0..REPETITIONS-1 take the store's way; the last FS_FROZEN ones also freeze file systems. */
  it(`keeps every pair of disks consistent across ${REPETITIONS + FS_FROZEN} snapshots taken while the writer writes`, async () => {
    const freezeMs: number[] = [];
    const copyMs: number[] = [];
    const quiesceMs: number[] = [];
    for (let i = 0; i < REPETITIONS + FS_FROZEN; i++) {
      const result = await snapshotConsistent(bed.driver, store, ["writer"], [
        { source: systemDiskId("writer"), target: `s${i}.root` },
        { source: "cc.a", target: `s${i}.a` },
        { source: "cc.b", target: `s${i}.b` },
      ], i >= REPETITIONS ? { freezeFilesystems: true } : {});
      freezeMs.push(result.freezeMs);
      quiesceMs.push(result.quiesceMs);
      copyMs.push(result.copyMs);
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
    }
    const highest: number[] = [];
    for (let i = 0; i < REPETITIONS + FS_FROZEN; i++) {
      const pair = await readRestoredPair(store, `s${i}.a`, `s${i}.b`, mountDir);
      assert.equal(inconsistency(pair), undefined, `snapshot ${i}`);
      highest.push(Math.max(...pair.a, ...pair.b));
      for (const part of ["root", "a", "b"]) await store.delete(`s${i}.${part}`);
    }
    assert.ok(highest.at(-1)! > highest[0]!, `the writer went on writing between snapshots: ${highest.join(", ")}`);
    const summary = (ms: number[]) => {
      const sorted = [...ms].sort((x, y) => x - y);
      return `median ${sorted[sorted.length >> 1]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
    };
    const line = (from: number, to: number) => `freeze window ${summary(freezeMs.slice(from, to))} (copies ${summary(copyMs.slice(from, to))}; quiesce ${summary(quiesceMs.slice(from, to))})`;
    process.stdout.write(`# ${store.info().name} store: ${line(0, REPETITIONS)}; with file systems frozen: ${line(REPETITIONS, REPETITIONS + FS_FROZEN)}\n`);
  });

  it("the check does catch disks copied at different moments without a freeze", async () => {
    await store.snapshotMany([{ source: "cc.a", target: "apart.a" }]);
    await new Promise((r) => setTimeout(r, 500));
    await store.snapshotMany([{ source: "cc.b", target: "apart.b" }]);
    const pair = await readRestoredPair(store, "apart.a", "apart.b", mountDir);
    assert.match(inconsistency(pair) ?? "consistent", /^up to record \d+, missing \d+/);
  });
});

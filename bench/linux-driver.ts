/**
 * Figures of the linux driver (docs/benchmarks.md): instance create → running and → SSH
 * answering; a crash-consistent snapshot of an instance with 100 GiB of disks on reflink storage
 * and on the plain-copy fallback, with its freeze window. Needs root on Linux (as the tests).
 * Run: npx tsc -p . && node dist/bench/linux-driver.js
 */
import { open } from "node:fs/promises";
import { loadavg } from "node:os";
import { snapshotConsistent, type SnapshotResult } from "../src/compute/consistent-snapshot.js";
import { systemDiskId } from "../src/compute/driver.js";
import { linuxSkipReason, openLinuxTestbed, type LinuxTestbed } from "../test/helpers/linux.js";

const INSTANCES = 5;
const SNAPSHOTS = 5;
const MiB = 1024 * 1024;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const max = (xs: number[]) => Math.max(...xs);
const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)} ms, max ${max(xs).toFixed(1)} ms`;

async function instances(bed: LinuxTestbed) {
  await bed.driver.create(bed.spec("warm-up"));
  const running: number[] = [];
  const ssh: number[] = [];
  for (let i = 0; i < INSTANCES; i++) {
    const started = performance.now();
    await bed.driver.create(bed.spec(`bench-${i}`));
    running.push(performance.now() - started);
    const ip = (await bed.driver.addresses(`bench-${i}`))!.publicIpAddress;
    await bed.waitForSsh(ip, "admin");
    ssh.push(performance.now() - started);
  }
  return { running, ssh };
}

/** Fills `mib` MiB spread over a disk so copies have real data to carry. */
async function scatter(path: string, sizeGiB: number, mib: number) {
  const f = await open(path, "r+");
  const chunk = Buffer.alloc(MiB, 0x5a);
  for (let i = 0; i < mib; i++) await f.write(chunk, 0, MiB, Math.floor((i * sizeGiB * 1024) / mib) * MiB);
  await f.close();
}

async function snapshots(bed: LinuxTestbed, dataMiB: number) {
  const store = bed.disks;
  await store.create("big.data", 80);
  await scatter(store.path("big.data"), 80, dataMiB);
  await bed.driver.create(bed.spec("big", { systemDiskGiB: 20, disks: [{ diskId: "big.data", devicePath: "/dev/xvdf" }] }));
  const results: (SnapshotResult & { totalMs: number })[] = [];
  for (let i = 0; i < SNAPSHOTS; i++) {
    const started = performance.now();
    const r = await snapshotConsistent(bed.driver, store, ["big"], [
      { source: systemDiskId("big"), target: `big.snap${i}.root` },
      { source: "big.data", target: `big.snap${i}.data` },
    ]);
    results.push({ ...r, totalMs: performance.now() - started });
    await store.delete(`big.snap${i}.root`);
    await store.delete(`big.snap${i}.data`);
  }
  return {
    store: store.info().name,
    total: results.map((r) => r.totalMs),
    freeze: results.map((r) => r.freezeMs),
    quiesce: results.map((r) => r.quiesceMs),
    copy: results.map((r) => r.copyMs),
  };
}

async function main() {
  const why = await linuxSkipReason();
  if (why) {
    process.stdout.write(`skipped: ${why}\n`);
    return;
  }
  const lines: string[] = [`Linux driver, ${new Date().toISOString().slice(0, 10)}, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`];
  const reflink = await openLinuxTestbed();
  try {
    const i = await instances(reflink);
    lines.push(`create → running (driver): ${fmt(i.running)} over ${INSTANCES} instances`);
    lines.push(`create → SSH answering on the public address: ${fmt(i.ssh)}`);
    const s = await snapshots(reflink, 256);
    lines.push(`snapshot of 100 GiB of disks (20 + 80 GiB, 256 MiB data), ${s.store} store: total ${fmt(s.total)}; freeze window ${fmt(s.freeze)}; copies ${fmt(s.copy)}; quiesce ${fmt(s.quiesce)}`);
  } finally {
    await reflink.cleanup();
  }
  const copy = await openLinuxTestbed({}, { storage: "copy", xfsPoolGiB: 0 });
  try {
    const s = await snapshots(copy, 256);
    lines.push(`snapshot of 100 GiB of disks (20 + 80 GiB, 256 MiB data), ${s.store} store: total ${fmt(s.total)}; freeze window ${fmt(s.freeze)}; copies ${fmt(s.copy)}; quiesce ${fmt(s.quiesce)}`);
  } finally {
    await copy.cleanup();
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

await main();

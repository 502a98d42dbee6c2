import type { Logger } from "../core/log.js";
import type { CopyPair, DiskStore } from "../storage/disk-store.js";
import type { ComputeDriver } from "./driver.js";

export interface SnapshotResult {
  /** Time to stop every process: a process inside a system call (an fsync) stops when it returns. */
  quiesceMs: number;
  /**
   * The freeze window: from every process stopped to every process running again, as the host
   * measures it beside the freezer (else from here, which adds the round trips to it).
   */
  freezeMs: number;
  /** Time the copies took (inside the freeze window; the whole window when the driver made them). */
  copyMs: number;
}

/**
 * A crash-consistent copy of disks of running instances (STYLE 9: capabilities as data): when
 * the driver says so, freeze the instances, copy every disk in one `snapshotMany`, thaw — thawing
 * even when the copy fails. The freeze window is measured and logged.
 *
 * With copy-on-write copies, each disk's copy is its image at one instant, and with every process
 * stopped, nothing an instance writes can land between the copies: the set is what a power cut
 * would leave, and fsync'ed data is in it. File systems are then not frozen, which would only
 * flush caches through every layer of storage inside the window. A plain copy reads a disk over
 * time, while the kernel may still write back to it: then file systems are flushed and frozen.
 */
export async function snapshotConsistent(
  driver: ComputeDriver,
  store: DiskStore,
  instanceIds: string[],
  pairs: CopyPair[],
  options: { log?: Logger; freezeFilesystems?: boolean } = {},
): Promise<SnapshotResult> {
  const { log } = options;
  const freeze = driver.info().needsFreezeForSnapshot && instanceIds.length > 0;
  const filesystems = options.freezeFilesystems ?? !store.info().cowCopies;
  if (freeze && !filesystems && store.planClones && driver.cloneWhileFrozen) {
    return cloneBesideFreezer(driver, store, instanceIds, pairs, log);
  }
  const started = performance.now();
  const quiesceMs = freeze ? (await driver.freeze(instanceIds, { filesystems })).quiesceMs : 0;
  const frozen = performance.now();
  let copied = frozen;
  let frozenMs: number | undefined;
  try {
    await store.snapshotMany(pairs);
    copied = performance.now();
  } finally {
    if (freeze) frozenMs = (await driver.thaw(instanceIds)).frozenMs;
  }
  const result = freeze
    ? { quiesceMs, freezeMs: frozenMs ?? performance.now() - started - quiesceMs, copyMs: copied - frozen }
    : { quiesceMs: 0, freezeMs: 0, copyMs: copied - frozen };
  logResult(log, instanceIds, pairs, store, freeze && filesystems, result);
  return result;
}

/** The fast path: the driver freezes, clones the store's planned files and thaws in one step. */
async function cloneBesideFreezer(driver: ComputeDriver, store: DiskStore, instanceIds: string[], pairs: CopyPair[], log?: Logger) {
  const plan = await store.planClones!(pairs);
  const started = performance.now();
  let report;
  try {
    report = await driver.cloneWhileFrozen!(instanceIds, plan.files);
  } catch (e) {
    await plan.abandon();
    throw e;
  }
  const elapsed = performance.now() - started;
  await plan.finish();
  const result = { quiesceMs: report.quiesceMs, freezeMs: report.frozenMs ?? elapsed - report.quiesceMs, copyMs: report.frozenMs ?? elapsed };
  logResult(log, instanceIds, pairs, store, false, result);
  return result;
}

function logResult(log: Logger | undefined, instances: string[], pairs: CopyPair[], store: DiskStore, filesystemsFrozen: boolean, r: SnapshotResult) {
  const ms = (n: number) => Number(n.toFixed(2));
  log?.info("snapshot.consistent", {
    instances,
    disks: pairs.length,
    store: store.info().name,
    filesystemsFrozen,
    quiesceMs: ms(r.quiesceMs),
    freezeMs: ms(r.freezeMs),
    copyMs: ms(r.copyMs),
  });
}

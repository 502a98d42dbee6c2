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
  /** Time the copies took (inside the freeze window). */
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
  const ms = (n: number) => Number(n.toFixed(2));
  log?.info("snapshot.consistent", {
    instances: instanceIds,
    disks: pairs.length,
    store: store.info().name,
    filesystemsFrozen: freeze && filesystems,
    quiesceMs: ms(result.quiesceMs),
    freezeMs: ms(result.freezeMs),
    copyMs: ms(result.copyMs),
  });
  return result;
}

import type { Logger } from "../core/log.js";
import type { CopyPair, DiskStore } from "../storage/disk-store.js";
import type { ComputeDriver } from "./driver.js";

export interface SnapshotResult {
  /** How long the instances' processes were frozen, in ms (0 when nothing needed freezing). */
  freezeMs: number;
  copyMs: number;
}

/**
 * A crash-consistent copy of disks of running instances (STYLE 9: capabilities as data): when
 * the driver says so, freeze the instances, copy every disk in one `snapshotMany`, thaw — thawing
 * even when the copy fails. The freeze window is measured and logged.
 */
export async function snapshotConsistent(
  driver: ComputeDriver,
  store: DiskStore,
  instanceIds: string[],
  pairs: CopyPair[],
  log?: Logger,
): Promise<SnapshotResult> {
  const freeze = driver.info().needsFreezeForSnapshot && instanceIds.length > 0;
  const started = performance.now();
  if (freeze) await driver.freeze(instanceIds);
  const copyStarted = performance.now();
  let copied = copyStarted;
  try {
    await store.snapshotMany(pairs);
    copied = performance.now();
  } finally {
    if (freeze) await driver.thaw(instanceIds);
  }
  const result = { freezeMs: freeze ? performance.now() - started : 0, copyMs: copied - copyStarted };
  log?.info("snapshot.consistent", {
    instances: instanceIds,
    disks: pairs.length,
    store: store.info().name,
    freezeMs: Number(result.freezeMs.toFixed(2)),
    copyMs: Number(result.copyMs.toFixed(2)),
  });
  return result;
}

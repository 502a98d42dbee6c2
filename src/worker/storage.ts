import { snapshotConsistent } from "../compute/consistent-snapshot.js";
import type { ComputeDriver } from "../compute/driver.js";
import type { Clock } from "../core/clock.js";
import type { Logger } from "../core/log.js";
import { GiB, type DiskStore } from "../storage/disk-store.js";

/** A disk inside a snapshot: the snapshot's id and the part's name (the source disk's id, or SYSTEM_DISK). */
export interface SnapshotPart {
  snapshotId: string;
  part: string;
}

/** The part name of an instance's system disk in an instance snapshot (or a disk snapshot of it). */
export const SYSTEM_DISK = "system";
/** The part name of the one disk of an EBS snapshot. */
export const EBS_PART = "volume";

/** One disk to copy into a snapshot part. */
export interface SnapshotCopy {
  diskId: string;
  to: SnapshotPart;
}

/** A disk an instance boots with: empty, or copied from a snapshot part. */
export interface BootDisk {
  diskId: string;
  sizeGiB: number;
  from?: SnapshotPart;
}

/**
 * Disks and snapshots, above the drivers (STYLE 9): the worker's jobs ask for disks, restores and
 * snapshots by id; this turns them into DiskStore copies, freezing instances around a snapshot
 * when the driver says it must. Every call can be repeated (a job resumed after a restart does it
 * again): what exists already is not made twice.
 *
 * Where the driver keeps no bytes (the sim has no DiskStore) there is nothing to copy; each call
 * then takes the sim's transition time of Clock time, as a step of the sim driver does, except
 * `prepareBootDisks`, which is part of an instance's own transition.
 */
export interface Storage {
  /** Disks hold real bytes (the driver has a DiskStore). */
  readonly holdsBytes: boolean;
  createDisk(diskId: string, sizeGiB: number): Promise<void>;
  /** A new disk copied from a snapshot part, grown to `sizeGiB` when that is larger. */
  restoreDisk(from: SnapshotPart, diskId: string, sizeGiB: number): Promise<void>;
  growDisk(diskId: string, sizeGiB: number): Promise<void>;
  /** Removes a disk; an unknown id is not an error. */
  deleteDisk(diskId: string): Promise<void>;
  /** Disks that an instance about to be created boots with (its restored system disk, restored or new data disks). */
  prepareBootDisks(disks: BootDisk[]): Promise<void>;
  /**
   * Copies disks into snapshot parts, crash-consistently: the instances that use them are frozen
   * while every disk is copied at once (when the driver needs it), then thawed.
   */
  takeSnapshot(copies: SnapshotCopy[], instanceIds: string[]): Promise<void>;
  /** Copies every part of one snapshot into another (EC2 CopySnapshot). */
  copySnapshot(from: string, to: string): Promise<void>;
  /** Removes a snapshot's copies; an unknown id is not an error. */
  deleteSnapshot(snapshotId: string): Promise<void>;
  /** Runs `around` (which removes the disk, e.g. with its instance) and puts the disk back as it was. */
  keepDisk(diskId: string, around: () => Promise<void>): Promise<void>;
  /** Aborts simulated waits under way (reset, close): their jobs resume later. */
  interrupt(why: string): void;
}

export const snapshotPartId = (p: SnapshotPart) => `${p.snapshotId}.${p.part}`;

export interface StorageOptions {
  driver: ComputeDriver;
  /** The disk store beside the driver, when its disks hold bytes. */
  disks?: DiskStore;
  clock: Clock;
  log?: Logger;
  /** Clock time each call takes where disks hold no bytes (the sim's transition time). */
  simulatedMs: number;
}

/** Picks the implementation by capability: the disk store beside the driver, or none. */
export function createStorage(o: StorageOptions): Storage {
  return o.disks ? storeStorage(o.driver, o.disks, o.log) : simulatedStorage(o.clock, o.simulatedMs);
}

function simulatedStorage(clock: Clock, ms: number): Storage {
  let interrupt = new AbortController();
  const step = () => clock.sleep(ms, interrupt.signal);
  return {
    holdsBytes: false,
    createDisk: step,
    restoreDisk: step,
    growDisk: step,
    deleteDisk: step,
    prepareBootDisks: async () => undefined,
    keepDisk: (_diskId, around) => around(),
    takeSnapshot: step,
    copySnapshot: step,
    deleteSnapshot: step,
    interrupt(why) {
      interrupt.abort(new Error(why));
      interrupt = new AbortController();
    },
  };
}

function storeStorage(driver: ComputeDriver, store: DiskStore, log?: Logger): Storage {
  const exists = async (id: string) => (await store.stat(id)) !== undefined;
  const partsOf = async (snapshotId: string) => (await store.list()).filter((id) => id.startsWith(`${snapshotId}.`));

  async function createDisk(diskId: string, sizeGiB: number) {
    if (!(await exists(diskId))) await store.create(diskId, sizeGiB);
  }

  async function restoreDisk(from: SnapshotPart, diskId: string, sizeGiB: number) {
    if (!(await exists(diskId))) await store.copy(snapshotPartId(from), diskId, { sizeGiB });
  }

  return {
    holdsBytes: true,
    createDisk,
    restoreDisk,
    async growDisk(diskId, sizeGiB) {
      const stat = await store.stat(diskId);
      if (stat && stat.sizeBytes < sizeGiB * GiB) await store.grow(diskId, sizeGiB);
    },
    deleteDisk: (diskId) => store.delete(diskId),
    async prepareBootDisks(disks) {
      await Promise.all(disks.map((d) => (d.from ? restoreDisk(d.from, d.diskId, d.sizeGiB) : createDisk(d.diskId, d.sizeGiB))));
    },
    async takeSnapshot(copies, instanceIds) {
      const pairs = copies.map((c) => ({ source: c.diskId, target: snapshotPartId(c.to) }));
      const done = await Promise.all(pairs.map((p) => exists(p.target)));
      // copies land all or none; a job that ran before made them all
      if (pairs.length > 0 && done.every(Boolean)) return;
      await snapshotConsistent(driver, store, instanceIds, pairs, { log });
    },
    async copySnapshot(from, to) {
      const pairs = (await partsOf(from)).map((id) => ({ source: id, target: `${to}${id.slice(from.length)}` }));
      const done = await Promise.all(pairs.map((p) => exists(p.target)));
      if (pairs.length > 0 && done.every(Boolean)) return;
      await store.snapshotMany(pairs);
    },
    async deleteSnapshot(snapshotId) {
      for (const id of await partsOf(snapshotId)) await store.delete(id);
    },
    async keepDisk(diskId, around) {
      const aside = `${diskId}.kept`;
      if ((await exists(diskId)) && !(await exists(aside))) await store.copy(diskId, aside);
      await around();
      if (!(await exists(aside))) return;
      if (!(await exists(diskId))) await store.copy(aside, diskId);
      await store.delete(aside);
    },
    interrupt: () => undefined,
  };
}

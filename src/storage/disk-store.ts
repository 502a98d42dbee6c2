/**
 * Disk images and point-in-time copies of them. A disk is a raw image file named by an id the
 * caller chooses; the store knows nothing of instances, Lightsail or EC2 (STYLE 9). Callers
 * that need a crash-consistent copy of disks in use stop their writers first (the compute
 * driver's `freeze`) and copy them with one `snapshotMany`.
 */
export interface DiskStoreInfo {
  /** Registry name of the implementation: `reflink` or `copy`. */
  name: string;
  /** Copies share blocks with their source: O(metadata), independent of the disk's size. */
  cowCopies: boolean;
  /** Unwritten ranges of a disk take no space. */
  sparse: boolean;
  /** The directory holding the image files. */
  location: string;
}

export interface DiskStat {
  sizeBytes: number;
  /** Bytes actually allocated on the host (sparse disks use less than their size). */
  allocatedBytes: number;
}

export interface CopyPair {
  source: string;
  target: string;
}

/**
 * Copies planned by a store whose copy of a disk is a clone (FICLONE) of its file, for a caller
 * that can make the clones faster than the store can: the compute driver's freezer clones them
 * beside a frozen instance, with no round trip to Skiff inside the freeze window.
 */
export interface ClonePlan {
  /** Absolute paths: clone each `source` file to a new `target` file. */
  files: CopyPair[];
  /** After every clone was made: gives the disks their ids (all or none). */
  finish(): Promise<void>;
  /** After a failure: removes whatever clones were made. */
  abandon(): Promise<void>;
}

export interface DiskStore {
  info(): DiskStoreInfo;
  /** Absolute path of a disk's image file (it may not exist yet). */
  path(id: string): string;
  /** Size and allocation of a disk, or undefined when there is no such disk. */
  stat(id: string): Promise<DiskStat | undefined>;
  /** A new zero-filled sparse disk of `sizeGiB`. Fails if the id exists. */
  create(id: string, sizeGiB: number): Promise<void>;
  /**
   * An independent copy of `source` as `target` (a restore, or a clone of a golden image),
   * grown to `sizeGiB` when that is larger. Fails if `target` exists.
   */
  copy(source: string, target: string, options?: { sizeGiB?: number }): Promise<void>;
  /**
   * Copies several disks as at one instant: all targets or none exist afterwards. The caller
   * keeps writers still for the duration (it is as short as the store is fast: see `cowCopies`).
   */
  snapshotMany(pairs: CopyPair[]): Promise<void>;
  /** Only where `info().cowCopies`: `snapshotMany` as clones someone else makes (see ClonePlan). */
  planClones?(pairs: CopyPair[]): Promise<ClonePlan>;
  /** Makes a disk larger. Shrinking is refused. */
  grow(id: string, sizeGiB: number): Promise<void>;
  /** Removes a disk; an unknown id is not an error. */
  delete(id: string): Promise<void>;
  /** Ids of every disk, sorted. */
  list(): Promise<string[]>;
  close(): Promise<void>;
}

/** The store cannot work here (e.g. the file system has no reflink): pick another one. */
export class NotSupportedError extends Error {
  override name = "NotSupportedError";
}

/** Bad arguments from the caller (an invalid id, a shrink, a missing source). */
export class DiskStoreError extends Error {
  override name = "DiskStoreError";
}

export const GiB = 1024 ** 3;

const ID = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,199}$/;

export function checkDiskId(id: string): string {
  if (!ID.test(id) || id.includes("..")) throw new DiskStoreError(`'${id}' is not a valid disk id (letters, digits, '.', '_', '-', '@')`);
  return id;
}

export function checkSize(sizeGiB: number): number {
  if (!Number.isInteger(sizeGiB) || sizeGiB < 1 || sizeGiB > 64 * 1024) throw new DiskStoreError(`disk size must be a whole number of GiB from 1 to 65536, not ${sizeGiB}`);
  return sizeGiB;
}

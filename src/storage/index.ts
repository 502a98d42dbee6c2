import { join, resolve } from "node:path";
import type { Logger } from "../core/log.js";
import { openCopyStore } from "./copy/copy-store.js";
import { NotSupportedError, type DiskStore } from "./disk-store.js";
import { openReflinkStore } from "./reflink/reflink-store.js";
import { mountXfsPool } from "./xfs-pool.js";

/** Disk stores by name (STYLE 5). `reflink` throws NotSupportedError where it cannot work. */
export const diskStores: Record<"reflink" | "copy", (dir: string) => Promise<DiskStore>> = {
  reflink: openReflinkStore,
  copy: openCopyStore,
};

export type StorageKind = "auto" | keyof typeof diskStores;

export const isStorageKind = (value: string): value is StorageKind => value === "auto" || Object.hasOwn(diskStores, value);

export interface StorageOptions {
  dataDir: string;
  /** `auto`: reflink where the file system (or an XFS pool) allows, else plain copies. */
  kind: StorageKind;
  /** Size of the XFS pool to create when the data directory has no reflink; 0: no pool. */
  xfsPoolGiB: number;
  log?: Logger;
}

/**
 * Opens the disk store, falling back by capability (STYLE 10): reflink in `<data>/disks`; else
 * reflink in an XFS pool under the data directory when one is asked for; else plain copies.
 */
export async function openDiskStore(o: StorageOptions): Promise<DiskStore> {
  const dir = join(resolve(o.dataDir), "disks");
  if (o.kind === "copy") return diskStores.copy(dir);
  try {
    return await diskStores.reflink(dir);
  } catch (e) {
    if (!(e instanceof NotSupportedError)) throw e;
    if (o.xfsPoolGiB > 0) {
      const pool = await mountXfsPool(o.dataDir, o.xfsPoolGiB);
      const store = await diskStores.reflink(join(pool.mountPoint, "disks"));
      return { ...store, close: async () => { await store.close(); await pool.release(); } };
    }
    if (o.kind === "reflink") throw new NotSupportedError(`${e.message}; pass --xfs-pool-gib N to create a reflink pool, or --storage copy`);
    o.log?.info("storage.fallback", { store: "copy", reason: e.message, hint: "--xfs-pool-gib N gives copy-on-write snapshots" });
    return diskStores.copy(dir);
  }
}

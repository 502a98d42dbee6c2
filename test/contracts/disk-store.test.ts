import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openCopyStore } from "../../src/storage/copy/copy-store.js";
import { NotSupportedError } from "../../src/storage/disk-store.js";
import { openReflinkStore, probeReflink } from "../../src/storage/reflink/reflink-store.js";
import { mountXfsPool } from "../../src/storage/xfs-pool.js";
import { hostSkipReason } from "../helpers/linux.js";
import { diskStoreContract } from "./disk-store.js";

diskStoreContract("copy", async () => {
  const root = await mkdtemp(join(tmpdir(), "skiff-copy-"));
  return { dir: join(root, "disks"), open: openCopyStore, cleanup: () => rm(root, { recursive: true, force: true }) };
});

diskStoreContract("reflink", async () => {
  const root = await mkdtemp(join(tmpdir(), "skiff-reflink-"));
  const cleanRoot = () => rm(root, { recursive: true, force: true });
  try {
    await probeReflink(join(root, "disks"));
    return { dir: join(root, "disks"), open: openReflinkStore, cleanup: cleanRoot };
  } catch (e) {
    if (!(e instanceof NotSupportedError)) throw e;
  }
  const why = await hostSkipReason(`${tmpdir()} has no reflink, and an XFS pool`, ["mkfs.xfs", "mount", "umount"]);
  if (why) {
    await cleanRoot();
    return why;
  }
  const pool = await mountXfsPool(root, 8);
  return {
    dir: join(pool.mountPoint, "disks"),
    open: openReflinkStore,
    async cleanup() {
      await pool.release();
      await cleanRoot();
    },
  };
});

import type { DiskStore } from "../disk-store.js";
import { createFileStore } from "../file-store.js";
import { run } from "../../host/exec.js";

/**
 * The generic store every file system can use (STYLE 10): plain copies that keep holes
 * (`cp --sparse=always`), so time and space grow with the data written, not the disk size.
 * Slow for big disks: a crash-consistent snapshot keeps the instance frozen for the whole copy.
 */
export async function openCopyStore(dir: string): Promise<DiskStore> {
  return createFileStore(dir, { name: "copy", cowCopies: false, sparse: true }, async (source, target) => {
    await run("cp", ["--sparse=always", "--reflink=never", "--no-preserve=all", source, target]);
  });
}

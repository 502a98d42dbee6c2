import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { runScript } from "../host/exec.js";

/**
 * An XFS file system with reflink, in a sparse image file loop-mounted under the data
 * directory: copy-on-write disks on hosts whose own file system has no reflink (ext4).
 * `--xfs-pool-gib N` sizes it; the file only takes the space the disks really use.
 */
export interface XfsPool {
  mountPoint: string;
  /** Unmounts unless disks in it are still in use (loop devices of running instances). */
  release(): Promise<void>;
}

export async function isMountPoint(path: string): Promise<boolean> {
  const target = resolve(path);
  const info = await readFile("/proc/self/mountinfo", "utf8");
  return info.split("\n").some((line) => unescapeMountPath(line.split(" ")[4] ?? "") === target);
}

/** Mount paths in /proc/…/mountinfo escape space, tab, newline and backslash as octal. */
export const unescapeMountPath = (p: string) => p.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));

const MOUNT_POOL = `
file=$1; mnt=$2; gib=$3
mkdir -p "$mnt"
if [ ! -e "$file" ]; then
  truncate -s "\${gib}G" "$file.new"
  mkfs.xfs -q -m reflink=1 -L skiff-pool "$file.new"
  mv "$file.new" "$file"
fi
size=$(stat -c %s "$file")
want=$((gib * 1024 * 1024 * 1024))
if [ "$size" -lt "$want" ]; then truncate -s "$want" "$file"; grow=1; else grow=0; fi
mount -o loop "$file" "$mnt"
if [ "$grow" = 1 ]; then xfs_growfs "$mnt" >/dev/null; fi
`;

export async function mountXfsPool(dataDir: string, sizeGiB: number): Promise<XfsPool> {
  const file = resolve(dataDir, "xfs-pool.img");
  const mountPoint = resolve(dataDir, "xfs-pool");
  if (!(await isMountPoint(mountPoint))) await runScript(MOUNT_POOL, [file, mountPoint, String(sizeGiB)], { name: "mount-xfs-pool" });
  return {
    mountPoint,
    async release() {
      // busy (disks of running instances are open): stays mounted for the next start to reuse
      await runScript('umount "$1" 2>/dev/null || true', [mountPoint]);
    },
  };
}

import { access } from "node:fs/promises";
import { hasCommand } from "../../host/exec.js";
import { isStaticElf } from "../../host/elf.js";

/** Host tools the driver runs, and the Debian packages that ship them. */
export const HOST_TOOLS: Record<string, string> = {
  unshare: "util-linux", nsenter: "util-linux", losetup: "mount", mount: "mount", setpriv: "util-linux",
  ip: "iproute2", nft: "nftables", "mkfs.ext4": "e2fsprogs", resize2fs: "e2fsprogs", perl: "perl-base",
  "mkfs.xfs": "xfsprogs", cp: "coreutils",
};
/** Static binaries copied into every instance's /run/skiff, whatever its image holds. */
export const RUNTIME_BINARIES = { busybox: "/bin/busybox", tini: "/usr/bin/tini-static" };
export const CGROUP_CONTROLLERS = ["memory", "cpu", "cpuacct", "freezer", "pids", "devices"] as const;

/**
 * Why the linux driver cannot run on this host, or undefined. It needs root on Linux, cgroup v1
 * controllers, the host tools and static busybox (busybox-static) and tini (tini).
 */
export async function linuxDriverProblems(): Promise<string | undefined> {
  if (process.platform !== "linux") return `the linux driver needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return "the linux driver needs root (it makes namespaces, cgroups, loop devices and mounts)";
  const problems: string[] = [];
  for (const c of CGROUP_CONTROLLERS) {
    if (!(await access(`/sys/fs/cgroup/${c}/cgroup.procs`).then(() => true, () => false))) problems.push(`cgroup v1 controller ${c} at /sys/fs/cgroup/${c}`);
  }
  for (const [tool, pkg] of Object.entries(HOST_TOOLS)) if (!(await hasCommand(tool))) problems.push(`${tool} (${pkg})`);
  if (!(await isStaticElf(RUNTIME_BINARIES.busybox).catch(() => false))) problems.push(`a static ${RUNTIME_BINARIES.busybox} (busybox-static)`);
  if (!(await isStaticElf(RUNTIME_BINARIES.tini).catch(() => false))) problems.push(`${RUNTIME_BINARIES.tini} (tini)`);
  return problems.length > 0 ? `the linux driver needs ${problems.join(", ")}` : undefined;
}

import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { runScript } from "../../../host/exec.js";

/** What the full Debian 12 image adds to debootstrap's minbase. */
export const DEBIAN_INCLUDE = [
  "openssh-server", "sudo", "iproute2", "iputils-ping", "procps", "less", "nano", "ca-certificates",
  "e2fsprogs", "xfsprogs", "util-linux", "kmod", "curl", "python3-minimal", "locales",
];

/**
 * A full Debian 12 (bookworm) image from Debian's packages by `debootstrap`, with OpenSSH. Takes
 * minutes and needs the Debian mirror, so CI does not build it. Host SSH keys are removed: each
 * instance makes its own at first boot.
 */
const BUILD = `
out=$1; mirror=$2; include=$3; gib=$4
work=$(mktemp -d)
trap 'umount "$work/root/proc" 2>/dev/null || true; rm -rf "$work"' EXIT
R=$work/root
debootstrap --variant=minbase --include="$include" bookworm "$R" "$mirror"
rm -f "$R"/etc/ssh/ssh_host_*
chroot "$R" apt-get clean
rm -rf "$R"/var/lib/apt/lists/*
echo "debian_12 $(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$R/etc/skiff-image"
echo "localhost" > "$R/etc/hostname"
rm -f "$out.new"
truncate -s "\${gib}G" "$out.new"
mkfs.ext4 -q -F -L skiff-root -E root_owner=0:0 -d "$R" "$out.new"
mv "$out.new" "$out"
`;

/** The first Debian mirror the host's apt uses, so the image comes from the same place. */
export async function hostDebianMirror(): Promise<string> {
  const files = ["/etc/apt/sources.list"];
  const dir = "/etc/apt/sources.list.d";
  for (const name of await readdir(dir).catch(() => [] as string[])) files.push(join(dir, name));
  for (const file of files) {
    const text = await readFile(file, "utf8").catch(() => "");
    const m = /^URIs:\s*(\S+\/debian)\s*$/m.exec(text) ?? /^deb\s+(?:\[[^\]]*\]\s+)?(\S+\/debian)\s+bookworm\b/m.exec(text);
    if (m) return m[1]!;
  }
  return "http://deb.debian.org/debian";
}

export async function buildDebianImage(out: string, options: { mirror?: string; sizeGiB?: number } = {}): Promise<void> {
  const mirror = options.mirror ?? (await hostDebianMirror());
  await runScript(BUILD, [out, mirror, DEBIAN_INCLUDE.join(","), String(options.sizeGiB ?? 4)], { timeoutMs: 60 * 60_000, name: "build-debian-image" });
}

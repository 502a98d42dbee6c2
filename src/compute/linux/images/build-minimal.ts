import { runScript } from "../../../host/exec.js";

/** Debian packages the minimal image is made of (their installed binaries are copied). */
export const MINIMAL_PACKAGES = ["busybox-static", "dropbear-bin", "e2fsprogs"];

/**
 * The minimal blueprint image, built in well under a second from the host's installed Debian
 * packages: busybox-static (a shell and ~300 tools), dropbear (SSH server) with the libraries it
 * links, and the usual directories, in an ext4 file system of 1 GiB (sparse; ~40 MiB used).
 * `mkfs.ext4 -d` fills the file system from a directory, so nothing is mounted.
 */
const BUILD = `
out=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
R=$work/root
mkdir -p "$R"
cd "$R"
mkdir -p bin sbin usr/bin usr/sbin usr/local/bin lib64 etc/dropbear etc/sudoers.d var/log var/lib var/tmp tmp root home run dev proc sys mnt opt srv
chmod 1777 tmp var/tmp
chmod 700 root
cp /bin/busybox bin/busybox
for applet in $(/bin/busybox --list-full); do
  [ -e "$applet" ] || [ -L "$applet" ] || ln -s /bin/busybox "$applet"
done
cp /usr/sbin/dropbear usr/sbin/
cp /usr/bin/dropbearkey /usr/bin/dbclient usr/bin/
for lib in $(ldd /usr/sbin/dropbear /usr/bin/dropbearkey /usr/bin/dbclient | awk '$2 == "=>" && $3 ~ /^\\// { print $3 } $1 ~ /^\\/.*ld-linux/ { print $1 }' | sort -u); do
  mkdir -p ".$(dirname "$lib")"
  cp -L "$lib" ".$lib"
done
ln -sf ../usr/bin/dbclient usr/bin/ssh
cat > etc/passwd <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PASSWD
cat > etc/group <<'GROUP'
root:x:0:
wheel:x:10:
nogroup:x:65534:
GROUP
printf 'root:*:19000:0:99999:7:::\\nnobody:*:19000:0:99999:7:::\\n' > etc/shadow
chmod 640 etc/shadow
printf '/bin/sh\\n/bin/ash\\n' > etc/shells
cat > etc/profile <<'PROFILE'
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PS1='\\u@\\h:\\w\\$ '
PROFILE
cat > etc/os-release <<'OS'
PRETTY_NAME="Skiff minimal (busybox + dropbear from Debian 12 packages)"
NAME="Skiff minimal"
ID=skiff-minimal
ID_LIKE=debian
OS
printf 'hosts: files\\npasswd: files\\ngroup: files\\nshadow: files\\n' > etc/nsswitch.conf
printf '127.0.0.1 localhost\\n' > etc/hosts
echo "minimal $(date -u +%Y-%m-%dT%H:%M:%SZ)" > etc/skiff-image
cd /
rm -f "$out.new"
truncate -s 1G "$out.new"
mkfs.ext4 -q -F -L skiff-root -E root_owner=0:0 -d "$R" "$out.new"
mv "$out.new" "$out"
`;

export async function buildMinimalImage(out: string): Promise<void> {
  await runScript(BUILD, [out], { timeoutMs: 120_000, name: "build-minimal-image" });
}

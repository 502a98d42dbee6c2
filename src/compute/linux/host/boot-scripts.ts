/**
 * What runs inside an instance's new namespaces. Stage 1 is the host's static busybox as pid 1,
 * still seeing the host's files: it builds /run, /dev, /proc and /sys on the instance's root,
 * copies static busybox and tini into /run/skiff (so boot works whatever the image holds), and
 * drops dangerous capabilities. Stage 2 pivots into the root and unmounts the host's; tini becomes
 * pid 1 (it reaps orphans) and runs INIT.
 */

/**
 * The devices every instance's /dev starts with, made once on the host and copied at each boot
 * (one `cp` instead of a `mknod` each). /dev/shm is a directory of the /dev tmpfs.
 * args: TEMPLATE_DIR
 */
export const DEV_TEMPLATE = `
T=$1
rm -rf "$T.new"
mkdir -p "$T.new"
cd "$T.new"
mknod -m 666 null c 1 3; mknod -m 666 zero c 1 5; mknod -m 666 full c 1 7
mknod -m 666 random c 1 8; mknod -m 666 urandom c 1 9; mknod -m 666 tty c 5 0
mkdir pts shm
chmod 1777 shm
ln -s pts/ptmx ptmx; ln -s /proc/self/fd fd
ln -s /proc/self/fd/0 stdin; ln -s /proc/self/fd/1 stdout; ln -s /proc/self/fd/2 stderr
cd /
rm -rf "$T"
mv "$T.new" "$T"
`;

/** Run by static busybox (its applets need no exec). args: ROOT HOSTNAME RUNDIR DEVICES(name:major:minor …) DEV_TEMPLATE */
export const BOOT_STAGE1 = `
set -eu
R=$1; NAME=$2; S=$3; DEVICES=$4; TEMPLATE=$5
for d in run dev proc sys; do
  if [ -L "$R/$d" ]; then echo "skiff-boot: /$d of the system disk is a symbolic link; refusing to boot" >&2; exit 1; fi
done
mkdir -p "$R/run" "$R/dev" "$R/proc" "$R/sys"
mount -t tmpfs -o mode=755,size=64m,nosuid,nodev skiff-run "$R/run"
mkdir -p "$R/run/skiff/oldroot" "$R/run/lock"
chmod 700 "$R/run/skiff"
cp /bin/busybox /usr/bin/tini-static "$S"/* "$R/run/skiff/"
mount -t tmpfs -o mode=755,size=4m,nosuid skiff-dev "$R/dev"
cp -a "$TEMPLATE"/. "$R/dev/"
mount -t devpts -o newinstance,ptmxmode=0666,mode=620,gid=5,nosuid,noexec devpts "$R/dev/pts"
for dev in $DEVICES; do
  name=\${dev%%:*}; rest=\${dev#*:}
  mknod -m 660 "$R/dev/$name" b "\${rest%%:*}" "\${rest#*:}"
done
mount -t proc -o nosuid,nodev,noexec proc "$R/proc"
echo "$NAME" > "$R/proc/sys/kernel/hostname"
mount --bind "$R/proc/sys" "$R/proc/sys"
mount -o remount,bind,ro "$R/proc/sys"
mount -t sysfs -o ro,nosuid,nodev,noexec sysfs "$R/sys"
cd "$R"
exec /usr/bin/setpriv --bounding-set=-sys_module,-sys_rawio,-sys_boot,-sys_time,-syslog,-mac_admin,-mac_override,-wake_alarm,-block_suspend,-audit_control \\
  -- "$R/run/skiff/busybox" sh "$R/run/skiff/stage2" "$R"
`;

/** args: ROOT (as seen before the pivot) */
export const BOOT_STAGE2 = `
set -eu
pivot_root . run/skiff/oldroot
cd /
umount -l /run/skiff/oldroot
rmdir /run/skiff/oldroot
exec /run/skiff/tini-static -g -- /run/skiff/busybox sh /run/skiff/init
`;

/**
 * The instance's init, run by static busybox whatever the image holds (its applets win over the
 * image's commands, so it behaves the same on every image). On the first boot of this instance
 * id (cloud-init's "per instance"): makes the default user if the image lacks it, installs the
 * key pair's public key for it, and runs the user data once as root with its output in
 * /var/log/skiff-user-data.log. Then it keeps an SSH server (OpenSSH's sshd, else dropbear)
 * running.
 * files in /run/skiff: env (SKIFF_INSTANCE_ID, SKIFF_USER), authorized-key, user-data
 */
export const INIT = `
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root
. /run/skiff/env
say() { echo "skiff-init: $*"; }
field() { awk -F: -v u="$1" -v f="$2" '$1 == u { print $f; exit }' /etc/passwd; }

make_user() {
  u=$SKIFF_USER
  if [ -z "$(field "$u" 1)" ]; then
    id=1000
    while awk -F: -v id=$id '$3 == id { found = 1 } END { exit !found }' /etc/passwd /etc/group; do id=$((id + 1)); done
    shell=/bin/sh; [ -x /bin/bash ] && shell=/bin/bash
    echo "$u:x:$id:$id:$u:/home/$u:$shell" >> /etc/passwd
    echo "$u:x:$id:" >> /etc/group
    [ -e /etc/shadow ] && echo "$u:*:19000:0:99999:7:::" >> /etc/shadow
    mkdir -p "/home/$u"
    chown "$id:$id" "/home/$u"
    awk -F: -v u="$u" 'BEGIN { OFS = ":" } $1 == "sudo" || $1 == "wheel" || $1 == "adm" { $4 = ($4 == "" ? u : $4 "," u) } { print }' /etc/group > /etc/group.skiff
    cat /etc/group.skiff > /etc/group
    rm -f /etc/group.skiff
    if [ -d /etc/sudoers.d ]; then
      echo "$u ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/90-skiff-users
      chmod 440 /etc/sudoers.d/90-skiff-users
    fi
    say "made user $u"
  fi
  if [ -s /run/skiff/authorized-key ]; then
    home=$(field "$u" 6); uid=$(field "$u" 3); gid=$(field "$u" 4)
    keys="$home/.ssh/authorized_keys"
    mkdir -p "$home/.ssh"
    read -r key < /run/skiff/authorized-key
    grep -qxF "$key" "$keys" 2>/dev/null || echo "$key" >> "$keys"
    chown "$uid:$gid" "$home/.ssh" "$keys"
    chmod 700 "$home/.ssh"
    chmod 600 "$keys"
    say "installed the key pair's public key for $u"
  fi
}

run_user_data() {
  mkdir -p /var/lib/skiff /var/log
  cp /run/skiff/user-data /var/lib/skiff/user-data
  chmod 700 /var/lib/skiff/user-data
  log=/var/log/skiff-user-data.log
  [ -e /var/log/cloud-init-output.log ] || ln -s skiff-user-data.log /var/log/cloud-init-output.log
  sh=/bin/sh; [ -x /bin/sh ] || sh="/run/skiff/busybox sh"
  (
    cd /root 2>/dev/null || cd /
    if [ "$(head -c 2 /var/lib/skiff/user-data)" = "#!" ]; then exec /var/lib/skiff/user-data; else exec $sh /var/lib/skiff/user-data; fi
  ) > "$log" 2>&1 < /dev/null
  status=$?
  echo "$status" > /var/lib/skiff/user-data.status
  say "user data exited with status $status"
}

first=0
iid=""
[ -e /var/lib/skiff/instance-id ] && read -r iid < /var/lib/skiff/instance-id
if [ "$iid" != "$SKIFF_INSTANCE_ID" ]; then
  first=1
  mkdir -p /var/lib/skiff
  rm -f /var/lib/skiff/user-data.status
  make_user
  echo "$SKIFF_INSTANCE_ID" > /var/lib/skiff/instance-id
fi

ssh_server() {
  if [ -x /usr/sbin/sshd ]; then
    ssh-keygen -A > /dev/null 2>&1 || true
    mkdir -p /run/sshd
    chmod 755 /run/sshd
    /usr/sbin/sshd -D -e &
  elif [ -x /usr/sbin/dropbear ]; then
    mkdir -p /etc/dropbear
    [ -e /etc/dropbear/dropbear_ed25519_host_key ] || dropbearkey -t ed25519 -f /etc/dropbear/dropbear_ed25519_host_key > /dev/null 2>&1
    /usr/sbin/dropbear -F -E -R -s -p 22 &
  else
    say "no SSH server in this image"
    sleep 2147483647 &
  fi
  ssh_pid=$!
}

ssh_server
say "ready"
if [ "$first" = 1 ] && [ -s /run/skiff/user-data ]; then run_user_data & fi
while :; do
  wait "$ssh_pid"
  say "the SSH server exited; starting it again"
  sleep 1
  ssh_server
done
`;

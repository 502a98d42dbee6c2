/**
 * Host-side scripts of an instance's life. Each is one `sh` process (a spawn from Node costs
 * 10-50 ms on a loaded host; a command inside a script a few), takes every value from its
 * environment, prints `key=value` lines for the driver to keep, and uses shell builtins where
 * it can: process creation is what boot time is made of.
 */

/**
 * Before boot: cgroups with the bundle's limits and an allow-list of devices; a loop device for
 * every disk (the system disk mounted at $DIR/root on the host, so the host can freeze it); the
 * network namespace with its veth on the bridge.
 * env: CG CONTROLLERS MEM_BYTES CPU_QUOTA DEVICES DIR ROOT_IMG DISKS(name<TAB>path lines)
 *      NETNS VETH BRIDGE PRIV_IP PREFIX MAC (from the address: the host's ARP cache stays right
 *      across a stop and start)
 */
export const HOST_UP = `
cg=/sys/fs/cgroup
dirs="$DIR/root"
for c in $CONTROLLERS; do dirs="$dirs $cg/$c/$CG"; done
mkdir -p $dirs
echo THAWED > "$cg/freezer/$CG/freezer.state"
echo "$MEM_BYTES" > "$cg/memory/$CG/memory.limit_in_bytes"
echo 100000 > "$cg/cpu/$CG/cpu.cfs_period_us"
echo "$CPU_QUOTA" > "$cg/cpu/$CG/cpu.cfs_quota_us"
echo 4096 > "$cg/pids/$CG/pids.max"
echo a > "$cg/devices/$CG/devices.deny"
printf '%s\\n' "$DEVICES" | while IFS= read -r rule; do echo "$rule" > "$cg/devices/$CG/devices.allow"; done

root_loop=$(losetup --find --show "$ROOT_IMG")
echo "loop.root=$root_loop"
mount "$root_loop" "$DIR/root"
if [ -n "$DISKS" ]; then
  printf '%s\\n' "$DISKS" | while IFS="$(printf '\\t')" read -r name path; do
    loop=$(losetup --find --show "$path")
    read -r mm < "/sys/block/\${loop#/dev/}/dev"
    echo "b $mm rwm" > "$cg/devices/$CG/devices.allow"
    echo "loop.$name=$loop"
    echo "dev.$name=$mm"
  done
fi

ip -batch - <<IP
netns add $NETNS
link add $VETH type veth peer name eth0 address $MAC netns $NETNS
link set $VETH master $BRIDGE up
IP
ip -n "$NETNS" -batch - <<IP
addr add $PRIV_IP/$PREFIX dev eth0
link set eth0 up
link set lo up
IP
`;

/**
 * Starts the instance, detached from Skiff: joins the cgroups, enters the network namespace and
 * makes new mount, UTS, IPC and PID namespaces in which BOOT runs (by static busybox) as pid 1.
 * args: CG CONTROLLERS NETNS BOOT ROOT HOSTNAME RUNDIR DEVICES
 */
export const LAUNCH = `
CG=$1; CONTROLLERS=$2; NETNS=$3; shift 3
for c in $CONTROLLERS; do echo $$ > "/sys/fs/cgroup/$c/$CG/cgroup.procs"; done
exec nsenter --net="/run/netns/$NETNS" unshare --mount --uts --ipc --pid --fork --kill-child --propagation private /bin/busybox sh "$@"
`;

/**
 * Stops everything of an instance and undoes HOST_UP; safe to run again and on half-made
 * instances. SIGTERM to every process, SIGKILL after GRACE_MS; the pid namespace dies with its
 * init, its mounts with it.
 * env: CG CONTROLLERS DIR IMAGES(lines) NETNS VETH GRACE_MS
 */
export const HOST_DOWN = `
cg=/sys/fs/cgroup
procs="$cg/freezer/$CG/cgroup.procs"
pids() { p=""; while read -r pid; do p="$p $pid"; done < "$procs"; echo $p; }
if [ -e "$procs" ]; then
  echo THAWED > "$cg/freezer/$CG/freezer.state" 2>/dev/null || true
  p=$(pids)
  if [ -n "$p" ] && [ "$GRACE_MS" -gt 0 ]; then
    kill -TERM $p 2>/dev/null || true
    waited=0
    while [ -n "$(pids)" ] && [ "$waited" -lt "$GRACE_MS" ]; do sleep 0.02; waited=$((waited + 20)); done
  fi
  tries=0
  while p=$(pids); [ -n "$p" ]; do
    kill -KILL $p 2>/dev/null || true
    tries=$((tries + 1))
    if [ "$tries" -gt 500 ]; then echo "processes of $CG do not die" >&2; exit 1; fi
    sleep 0.01
  done
fi

mounted() { while read -r _ _ _ _ point _; do [ "$point" = "$1" ] && return 0; done < /proc/self/mountinfo; return 1; }
if mounted "$DIR/root"; then
  tries=0
  until umount "$DIR/root" 2>/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -gt 50 ]; then umount -l "$DIR/root"; break; fi
    sleep 0.05
  done
fi
if [ -d "$DIR/root" ]; then rmdir "$DIR/root" 2>/dev/null || true; fi

# loop devices backed by this instance's images (losetup --list prints "NAME BACK-FILE")
loops() {
  losetup --list --noheadings --output NAME,BACK-FILE 2>/dev/null | while read -r name file; do
    printf '%s\\n' "$IMAGES" | while IFS= read -r img; do if [ -n "$img" ] && [ "$file" = "$img" ]; then echo "$name"; fi; done
  done
  return 0
}
l=$(loops)
if [ -n "$l" ]; then losetup -d $l 2>/dev/null || true; fi
if [ -e "/run/netns/$NETNS" ]; then ip netns del "$NETNS" 2>/dev/null || true; fi
if [ -e "/sys/class/net/$VETH" ]; then ip link del "$VETH" 2>/dev/null || true; fi
dirs=""
for c in $CONTROLLERS; do if [ -d "$cg/$c/$CG" ]; then dirs="$dirs $cg/$c/$CG"; fi; done
tries=0
while [ -n "$dirs" ] && ! rmdir $dirs 2>/dev/null; do
  left=""
  for d in $dirs; do if [ -d "$d" ]; then left="$left $d"; fi; done
  dirs=$left
  tries=$((tries + 1))
  if [ "$tries" -gt 100 ]; then echo "cannot remove cgroups$dirs" >&2; exit 1; fi
  sleep 0.02
done
# a loop device whose file system was still mounted inside the dying namespace goes a moment later
tries=0
while l=$(loops); [ -n "$l" ]; do
  tries=$((tries + 1))
  if [ "$tries" -gt 250 ]; then echo "loop devices still busy: $l" >&2; exit 1; fi
  sleep 0.02
done
`;

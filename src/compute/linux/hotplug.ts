import { readFile } from "node:fs/promises";
import { parseKeyValues, runScript } from "../../host/exec.js";
import { unescapeMountPath } from "../../storage/xfs-pool.js";
import { DriverError, type AttachedDisk } from "../driver.js";
import { deviceName, hostNames, type LinuxContext } from "./context.js";
import { cgroupDir, freezerState } from "./host/cgroups.js";
import type { FreezeItems } from "./host/freezer.js";
import type { InstanceState, RunningState } from "./state.js";

/** A loop device for the disk, allowed by the devices cgroup, as a node in the instance's /dev. */
const ATTACH = `
img=$1; devices=$2; pid=$3; name=$4
loop=$(losetup --find --show "$img")
mm=$(stat -c '%Hr:%Lr' "$loop")
echo "loop=$loop"
echo "dev=$mm"
echo "b $mm rwm" > "$devices/devices.allow"
nsenter -t "$pid" -m -- /run/skiff/busybox mknod -m 660 "/dev/$name" b "\${mm%%:*}" "\${mm#*:}"
`;

const DETACH = `
loop=$1; devices=$2; pid=$3; name=$4
mm=$(stat -c '%Hr:%Lr' "$loop")
nsenter -t "$pid" -m -- /run/skiff/busybox rm -f "/dev/$name"
echo "b $mm rwm" > "$devices/devices.deny"
losetup -d "$loop"
`;

/** Mounts inside a running instance, by the major:minor of the device they come from. */
async function mountsByDevice(initPid: number): Promise<Map<string, string[]>> {
  const info = await readFile(`/proc/${initPid}/mountinfo`, "utf8").catch(() => "");
  const out = new Map<string, string[]>();
  for (const line of info.split("\n")) {
    const f = line.split(" ");
    if (f.length < 5) continue;
    out.set(f[2]!, [...(out.get(f[2]!) ?? []), unescapeMountPath(f[4]!)]);
  }
  return out;
}

export async function hotAttach(ctx: LinuxContext, id: string, state: InstanceState, running: RunningState, disk: AttachedDisk) {
  const names = hostNames(ctx, id, state);
  const out = parseKeyValues(
    await runScript(ATTACH, [ctx.store.path(disk.diskId), cgroupDir("devices", names.cgroup), String(running.initPid), deviceName(disk.devicePath)], { name: "attach-disk" }),
  );
  running.loops[disk.diskId] = out.loop!;
  running.devices[disk.diskId] = out.dev!;
}

export async function hotDetach(ctx: LinuxContext, id: string, state: InstanceState, running: RunningState, disk: AttachedDisk) {
  const loop = running.loops[disk.diskId];
  if (!loop) return;
  const mounted = (await mountsByDevice(running.initPid)).get(running.devices[disk.diskId]!);
  if (mounted) throw new DriverError(`the disk at ${disk.devicePath} is mounted at ${mounted.join(", ")} inside instance ${id}; unmount it first`);
  const names = hostNames(ctx, id, state);
  await runScript(DETACH, [loop, cgroupDir("devices", names.cgroup), String(running.initPid), deviceName(disk.devicePath)], { name: "detach-disk" });
  delete running.loops[disk.diskId];
  delete running.devices[disk.diskId];
}

/**
 * What freezing a running instance means: its freezer cgroup; with `filesystems`, also its root
 * file system (through the host's mount of it) and each attached disk's file system where the
 * instance mounted it (reached through /proc/<init>/root), or the bare device when it mounted none.
 */
export async function freezeItems(ctx: LinuxContext, id: string, state: InstanceState, running: RunningState, filesystems: boolean): Promise<FreezeItems> {
  const items: FreezeItems = { cgroups: [freezerState(hostNames(ctx, id, state).cgroup)], devices: [], mounts: [] };
  if (!filesystems) return items;
  items.mounts.push(`${ctx.states.dir(id)}/root`);
  const mounts = await mountsByDevice(running.initPid);
  for (const disk of state.disks) {
    const loop = running.loops[disk.diskId];
    if (!loop) continue;
    const where = mounts.get(running.devices[disk.diskId]!);
    if (where) items.mounts.push(`/proc/${running.initPid}/root${where[0] === "/" ? "" : where[0]}`);
    else items.devices.push(loop);
  }
  return items;
}

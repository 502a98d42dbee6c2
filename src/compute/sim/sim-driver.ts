import type { Clock } from "../../core/clock.js";
import { systemDiskId, SYSTEM_DEVICE, type AttachedDisk, type ComputeDriver, type PortRule } from "../driver.js";
import { DriverError } from "../driver.js";
import { checkDevicePath, checkPortRules } from "../validate.js";

interface SimInstance {
  running: boolean;
  systemDiskId: string;
  disks: AttachedDisk[];
  ports: PortRule[];
}

/**
 * Simulated compute: every transition (create, start, stop, reboot, destroy, attach, detach) takes
 * `transitionMs` of Clock time and nothing else. It keeps no state that matters: after a restart
 * the database says what exists, so an instance it has not seen is taken to be what the caller
 * says (a stopped one that is started, a running one that is stopped) rather than refused. It
 * still refuses what would be wrong with any state: a device path in use, a disk on two
 * instances, bad port rules. Reset and close abort the transitions under way, so no timer
 * outlives the driver; the worker resumes their jobs.
 */
export function createSimDriver({ clock, transitionMs }: { clock: Clock; transitionMs: number }): ComputeDriver {
  const instances = new Map<string, SimInstance>();
  let interrupt = new AbortController();
  const transition = () => clock.sleep(transitionMs, interrupt.signal);
  const abortAll = (why: string) => {
    interrupt.abort(new Error(why));
    interrupt = new AbortController();
    instances.clear();
  };
  /** The instance as known, or as the database (through the caller) says it is after a restart. */
  const adopt = (id: string, running: boolean) => {
    let instance = instances.get(id);
    if (!instance) {
      instance = { running, systemDiskId: systemDiskId(id), disks: [], ports: [] };
      instances.set(id, instance);
    }
    return instance;
  };
  return {
    name: "sim",
    info: () => ({ needsFreezeForSnapshot: false, realInstances: false, assignsAddresses: false }),
    images: async () => undefined,
    async create(spec) {
      // no checkSpec: simulated instances of any blueprint are fine (Windows' Administrator too)
      const existing = instances.get(spec.id);
      const ports = checkPortRules(spec.ports ?? []);
      for (const d of spec.disks ?? []) checkDevicePath(d.devicePath);
      await transition();
      if (existing) existing.running = true;
      else instances.set(spec.id, { running: true, systemDiskId: spec.systemDiskId ?? systemDiskId(spec.id), disks: [...(spec.disks ?? [])], ports });
    },
    async start(id) {
      await transition();
      adopt(id, false).running = true;
    },
    async stop(id) {
      await transition();
      adopt(id, true).running = false;
    },
    async reboot(id) {
      await transition();
      adopt(id, true);
    },
    async destroy(id) {
      await transition();
      instances.delete(id);
    },
    async status(id) {
      const instance = instances.get(id);
      return !instance ? "absent" : instance.running ? "running" : "stopped";
    },
    addresses: async () => undefined,
    async setPublicPorts(id, rules) {
      adopt(id, true).ports = checkPortRules(rules);
    },
    async attachDisk(id, disk) {
      checkDevicePath(disk.devicePath);
      await transition();
      const instance = adopt(id, true);
      if (instance.disks.some((d) => d.diskId === disk.diskId && d.devicePath === disk.devicePath)) return;
      if (instance.disks.some((d) => d.devicePath === disk.devicePath)) throw new DriverError(`${disk.devicePath} of instance ${id} is in use`);
      for (const [other, s] of instances) {
        if (s.systemDiskId === disk.diskId || s.disks.some((d) => d.diskId === disk.diskId)) {
          throw new DriverError(`disk ${disk.diskId} is already attached to instance ${other}`);
        }
      }
      instance.disks.push({ diskId: disk.diskId, devicePath: disk.devicePath });
    },
    async detachDisk(id, devicePath) {
      await transition();
      // an instance it never saw has no disk it knows of: as after a restart, the database is the truth
      const instance = instances.get(id);
      if (!instance) return;
      const before = instance.disks.length;
      instance.disks = instance.disks.filter((d) => d.devicePath !== devicePath);
      if (instance.disks.length === before) throw new DriverError(`no disk at ${devicePath} of instance ${id}`);
    },
    async instanceDisks(id) {
      const instance = instances.get(id);
      if (!instance) throw new DriverError(`no instance ${id}`);
      return [{ diskId: instance.systemDiskId, devicePath: SYSTEM_DEVICE }, ...instance.disks.map((d) => ({ ...d }))];
    },
    // Nothing runs, so nothing writes: a sim snapshot is consistent without holding anything.
    async freeze() {
      return { quiesceMs: 0 };
    },
    async thaw() {
      return {};
    },
    /** Simulated instances do nothing, so they are always idle. */
    async cpuSeconds(id) {
      return instances.get(id)?.running === false ? undefined : 0;
    },
    async reset() {
      abortAll("the sim driver was reset");
    },
    async close() {
      abortAll("the sim driver was closed");
    },
  };
}

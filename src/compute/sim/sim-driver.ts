import type { Clock } from "../../core/clock.js";
import { DriverError, systemDiskId, SYSTEM_DEVICE, type AttachedDisk, type ComputeDriver, type PortRule } from "../driver.js";
import { checkDevicePath, checkPortRules, checkSpec } from "../validate.js";

interface SimInstance {
  running: boolean;
  frozen: boolean;
  systemDiskId: string;
  disks: AttachedDisk[];
  ports: PortRule[];
}

/**
 * Simulated compute: every transition takes `transitionMs` of Clock time and nothing else. It keeps
 * no state that matters: after a restart the database says what exists.
 */
export function createSimDriver({ clock, transitionMs }: { clock: Clock; transitionMs: number }): ComputeDriver {
  const instances = new Map<string, SimInstance>();
  const get = (id: string) => {
    const instance = instances.get(id);
    if (!instance) throw new DriverError(`no instance ${id}`);
    return instance;
  };
  return {
    name: "sim",
    info: () => ({ needsFreezeForSnapshot: false, realInstances: false, assignsAddresses: false }),
    images: async () => undefined,
    async create(spec) {
      await clock.sleep(transitionMs);
      const existing = instances.get(spec.id);
      if (existing) existing.running = true;
      else {
        checkSpec(spec);
        instances.set(spec.id, {
          running: true,
          frozen: false,
          systemDiskId: spec.systemDiskId ?? systemDiskId(spec.id),
          disks: [...(spec.disks ?? [])],
          ports: checkPortRules(spec.ports ?? []),
        });
      }
    },
    async start(id) {
      await clock.sleep(transitionMs);
      get(id).running = true;
    },
    async stop(id) {
      await clock.sleep(transitionMs);
      const instance = get(id);
      instance.running = false;
      instance.frozen = false;
    },
    async reboot(id) {
      get(id);
      await clock.sleep(transitionMs);
    },
    async destroy(id) {
      await clock.sleep(transitionMs);
      instances.delete(id);
    },
    async status(id) {
      const instance = instances.get(id);
      return !instance ? "absent" : instance.running ? "running" : "stopped";
    },
    addresses: async () => undefined,
    async setPublicPorts(id, rules) {
      get(id).ports = checkPortRules(rules);
    },
    async attachDisk(id, disk) {
      const instance = get(id);
      checkDevicePath(disk.devicePath);
      if (instance.disks.some((d) => d.devicePath === disk.devicePath)) throw new DriverError(`${disk.devicePath} of instance ${id} is in use`);
      for (const [other, s] of instances) {
        if (s.systemDiskId === disk.diskId || s.disks.some((d) => d.diskId === disk.diskId)) {
          throw new DriverError(`disk ${disk.diskId} is already attached to instance ${other}`);
        }
      }
      instance.disks.push({ ...disk });
    },
    async detachDisk(id, devicePath) {
      const instance = get(id);
      const before = instance.disks.length;
      instance.disks = instance.disks.filter((d) => d.devicePath !== devicePath);
      if (instance.disks.length === before) throw new DriverError(`no disk at ${devicePath} of instance ${id}`);
    },
    async instanceDisks(id) {
      const instance = get(id);
      return [{ diskId: instance.systemDiskId, devicePath: SYSTEM_DEVICE }, ...instance.disks.map((d) => ({ ...d }))];
    },
    async freeze(ids) {
      for (const id of ids) {
        const instance = get(id);
        if (instance.running) instance.frozen = true;
      }
      return { quiesceMs: 0 };
    },
    async thaw(ids) {
      for (const id of ids) {
        const instance = instances.get(id);
        if (instance) instance.frozen = false;
      }
      return {};
    },
    async cpuSeconds(id) {
      return instances.get(id)?.running ? 0 : undefined;
    },
    async reset() {
      instances.clear();
    },
    async close() {
      instances.clear();
    },
  };
}

import { join, resolve } from "node:path";
import type { Logger } from "../../core/log.js";
import { createKeyedMutex } from "../../core/keyed-mutex.js";
import { GiB, type DiskStore } from "../../storage/disk-store.js";
import { DriverError, SYSTEM_DEVICE, systemDiskId, type AttachedDisk, type ComputeDriver, type InstanceSpec } from "../driver.js";
import type { LinuxContext } from "./context.js";
import { hostNames } from "./context.js";
import { cpuSecondsOf, freezerState } from "./host/cgroups.js";
import { createFreezer, type FreezeItems } from "./host/freezer.js";
import { applyFirewall, bridgeDown, bridgeUp } from "./host/network.js";
import { freezeItems, hotAttach, hotDetach } from "./hotplug.js";
import { growExt4, isImageId, MissingImageError, openImageCatalog } from "./images/catalog.js";
import { checkOptions, cidrHost, type LinuxDriverOptions } from "./options.js";
import { CGROUP_CONTROLLERS, linuxDriverProblems } from "./preflight.js";
import { bootInstance, devTemplate, haltInstance, isAlive } from "./runtime.js";
import { DEV_TEMPLATE } from "./host/boot-scripts.js";
import { runScript } from "../../host/exec.js";
import { openStateDir, type InstanceState } from "./state.js";
import { checkDevicePath, checkPortRules, checkSpec } from "../validate.js";

/**
 * Real instances (ARCHITECTURE "The linux driver in one paragraph"). State of every instance is
 * a JSON file in the data directory, so a restarted Skiff adopts instances that still run and
 * cleans up after those that do not.
 */
export async function createLinuxDriver(options: LinuxDriverOptions, store: DiskStore, log?: Logger): Promise<ComputeDriver> {
  const problem = await linuxDriverProblems();
  if (problem) throw new Error(problem);
  const { privateNet, publicNet } = checkOptions(options);
  const ctx: LinuxContext = {
    options: { ...options, dataDir: resolve(options.dataDir) },
    privateNet,
    publicNet,
    bridge: `${options.tag}br`,
    table: options.tag,
    store,
    images: await openImageCatalog(store),
    states: await openStateDir(join(resolve(options.dataDir), "linux", options.tag, "instances")),
    freezer: createFreezer(),
    log,
  };
  const states = new Map<string, InstanceState>();
  const locks = createKeyedMutex();
  const frozen = new Map<string, { items: FreezeItems; release: () => void }>();
  const booting = new Set<string>();
  let networkUp = false;
  let bringingUp: Promise<void> | undefined;

  const save = (id: string, state: InstanceState) => ctx.states.save(id, state);
  const get = (id: string) => {
    const state = states.get(id);
    if (!state) throw new DriverError(`no instance ${id}`);
    return state;
  };

  /** Brings the bridge up once, even when instances boot side by side. */
  function ensureNetwork(): Promise<void> {
    if (networkUp) return Promise.resolve();
    bringingUp ??= (async () => {
      await bridgeUp(ctx.bridge, cidrHost(privateNet, 1), privateNet.prefix);
      networkUp = true;
      await refreshFirewall();
    })().finally(() => {
      bringingUp = undefined;
    });
    return bringingUp;
  }

  async function refreshFirewall() {
    if (!networkUp) return;
    await locks.run("\0firewall", () =>
      applyFirewall(
        ctx.table,
        ctx.bridge,
        [...states.entries()]
          .filter(([id, s]) => s.running || booting.has(id))
          .map(([id, s]) => {
            const names = hostNames(ctx, id, s);
            return { publicIp: names.publicIp, privateIp: names.privateIp, rules: s.ports };
          }),
      ),
    );
  }

  function allocateHostIndex(): number {
    const used = new Set([...states.values()].map((s) => s.hostIndex));
    for (let i = 2; i < Math.min(privateNet.size, publicNet.size) - 1; i++) if (!used.has(i)) return i;
    throw new DriverError(`no address left in ${options.privateCidr}`);
  }

  async function boot(id: string, state: InstanceState) {
    await ensureNetwork();
    booting.add(id);
    try {
      // the firewall goes up while the instance boots: ports of a booting instance answer "refused"
      const [running] = await Promise.all([bootInstance(ctx, id, state), refreshFirewall()]);
      state.running = running;
    } catch (e) {
      booting.delete(id);
      await refreshFirewall().catch(() => undefined);
      throw e;
    }
    booting.delete(id);
    await save(id, state);
  }

  async function halt(id: string, state: InstanceState, graceMs: number) {
    await haltInstance(ctx, id, state, graceMs);
    state.running = undefined;
    await save(id, state);
    await refreshFirewall();
  }

  /** The system disk: the existing one (a restore) grown to size, or a copy of the image. */
  async function provisionSystemDisk(spec: InstanceSpec, diskId: string) {
    const existing = await store.stat(diskId);
    if (existing) {
      if (existing.sizeBytes < spec.systemDiskGiB * GiB) await store.grow(diskId, spec.systemDiskGiB);
      // a restored disk may have been copied larger than its file system (and, from a snapshot
      // taken without freezing file systems, hold a journal to replay first): fill it
      await growExt4(store.path(diskId), { replayJournal: true });
      return;
    }
    try {
      await store.copy(await ctx.images.sized(spec.image, spec.systemDiskGiB), diskId, { sizeGiB: spec.systemDiskGiB });
    } catch (e) {
      throw e instanceof MissingImageError ? new DriverError(e.message) : e;
    }
  }

  async function checkDisk(id: string, disk: AttachedDisk, state: InstanceState) {
    checkDevicePath(disk.devicePath);
    if (state.disks.some((d) => d.devicePath === disk.devicePath)) throw new DriverError(`${disk.devicePath} of instance ${id} is in use`);
    for (const [other, s] of states) {
      if (s.systemDiskId === disk.diskId || s.disks.some((d) => d.diskId === disk.diskId)) {
        throw new DriverError(`disk ${disk.diskId} is already attached to instance ${other}`);
      }
    }
    if (!(await store.stat(disk.diskId))) throw new DriverError(`disk ${disk.diskId} does not exist`);
  }

  await runScript(DEV_TEMPLATE, [devTemplate(ctx)], { name: "dev-template" });

  // adopt instances that still run; clean up after those that died with the host or Skiff
  for (const id of await ctx.states.ids()) {
    const state = (await ctx.states.load(id))!;
    states.set(id, state);
    if (state.running && (await isAlive(state.running))) continue;
    if (state.running) log?.info("linux.found-stopped", { id });
    await haltInstance(ctx, id, state, 0);
    state.running = undefined;
    await save(id, state);
  }
  if ([...states.values()].some((s) => s.running)) await ensureNetwork();

  const driver: ComputeDriver = {
    name: "linux",
    info: () => ({ needsFreezeForSnapshot: true, realInstances: true, assignsAddresses: true }),
    images: () => ctx.images.list(),
    create: (spec) =>
      locks.run(spec.id, async () => {
        const known = states.get(spec.id);
        if (known) {
          if (!known.running) await boot(spec.id, known);
          return;
        }
        checkSpec(spec);
        const state: InstanceState = {
          spec: { ...spec },
          systemDiskId: spec.systemDiskId ?? systemDiskId(spec.id),
          disks: [],
          hostIndex: allocateHostIndex(),
          ports: checkPortRules(spec.ports ?? []),
        };
        // known at once (before any await): instances created side by side get different addresses
        states.set(spec.id, state);
        try {
          for (const disk of spec.disks ?? []) {
            await checkDisk(spec.id, disk, state);
            state.disks.push({ ...disk });
          }
          await provisionSystemDisk(spec, state.systemDiskId);
          await save(spec.id, state);
        } catch (e) {
          states.delete(spec.id);
          throw e;
        }
        await boot(spec.id, state);
      }),
    start: (id) =>
      locks.run(id, async () => {
        const state = get(id);
        if (state.running && (await isAlive(state.running))) return;
        if (state.running) await halt(id, state, 0);
        await boot(id, state);
      }),
    stop: (id, { force }) => locks.run(id, () => halt(id, get(id), force ? 0 : options.stopGraceMs)),
    reboot: (id) =>
      locks.run(id, async () => {
        const state = get(id);
        await halt(id, state, options.stopGraceMs);
        await boot(id, state);
      }),
    destroy: (id) =>
      locks.run(id, async () => {
        const state = states.get(id);
        if (!state) return;
        await haltInstance(ctx, id, state, options.stopGraceMs);
        await store.delete(state.systemDiskId);
        await ctx.states.remove(id);
        states.delete(id);
        await refreshFirewall();
      }),
    async status(id) {
      const state = states.get(id);
      if (!state) return "absent";
      if (!state.running) return "stopped";
      if (await isAlive(state.running)) return "running";
      await locks.run(id, async () => {
        if (state.running && !(await isAlive(state.running))) await halt(id, state, 0);
      });
      return "stopped";
    },
    async addresses(id) {
      const state = states.get(id);
      if (!state) return undefined;
      const names = hostNames(ctx, id, state);
      return { privateIpAddress: names.privateIp, publicIpAddress: names.publicIp };
    },
    setPublicPorts: (id, rules) =>
      locks.run(id, async () => {
        const state = get(id);
        state.ports = checkPortRules(rules);
        await save(id, state);
        await refreshFirewall();
      }),
    attachDisk: (id, disk) =>
      locks.run(id, async () => {
        const state = get(id);
        await checkDisk(id, disk, state);
        if (state.running) await hotAttach(ctx, id, state, state.running, disk);
        state.disks.push({ diskId: disk.diskId, devicePath: disk.devicePath });
        await save(id, state);
      }),
    detachDisk: (id, devicePath) =>
      locks.run(id, async () => {
        const state = get(id);
        const disk = state.disks.find((d) => d.devicePath === devicePath);
        if (!disk) throw new DriverError(`no disk at ${devicePath} of instance ${id}`);
        if (state.running) await hotDetach(ctx, id, state, state.running, disk);
        state.disks = state.disks.filter((d) => d !== disk);
        await save(id, state);
      }),
    async instanceDisks(id) {
      const state = get(id);
      return [{ diskId: state.systemDiskId, devicePath: SYSTEM_DEVICE }, ...state.disks.map((d) => ({ ...d }))];
    },
    async freeze(ids, { filesystems = true } = {}) {
      const unique = [...new Set(ids)].sort();
      const held: { id: string; release: () => void; items?: FreezeItems }[] = [];
      try {
        for (const id of unique) {
          const release = await locks.acquire(id);
          const state = states.get(id);
          held.push({ id, release, items: state?.running ? await freezeItems(ctx, id, state, state.running, filesystems) : undefined });
        }
        const all: FreezeItems = { cgroups: [], devices: [], mounts: [] };
        for (const h of held) if (h.items) for (const k of ["cgroups", "devices", "mounts"] as const) all[k].push(...h.items[k]);
        const quiesceMs = await ctx.freezer.freeze(all);
        for (const h of held) frozen.set(h.id, { items: h.items ?? { cgroups: [], devices: [], mounts: [] }, release: h.release });
        return { quiesceMs };
      } catch (e) {
        for (const h of held) h.release();
        throw e;
      }
    },
    async thaw(ids) {
      const all: FreezeItems = { cgroups: [], devices: [], mounts: [] };
      const mine = [...new Set(ids)].map((id) => [id, frozen.get(id)] as const).filter(([, f]) => f);
      for (const [, f] of mine) for (const k of ["cgroups", "devices", "mounts"] as const) all[k].push(...f!.items[k]);
      try {
        return { frozenMs: await ctx.freezer.thaw(all) };
      } finally {
        for (const [id, f] of mine) {
          frozen.delete(id);
          f!.release();
        }
      }
    },
    async cloneWhileFrozen(ids, files) {
      const releases: (() => void)[] = [];
      try {
        const cgroups: string[] = [];
        for (const id of [...new Set(ids)].sort()) {
          releases.push(await locks.acquire(id));
          const state = states.get(id);
          if (state?.running) cgroups.push(freezerState(hostNames(ctx, id, state).cgroup));
        }
        const { frozenMs, quiesceMs } = await ctx.freezer.clone(cgroups, files);
        return { frozenMs, quiesceMs: quiesceMs ?? 0 };
      } finally {
        for (const release of releases) release();
      }
    },
    async cpuSeconds(id) {
      const state = states.get(id);
      return state?.running ? cpuSecondsOf(hostNames(ctx, id, state).cgroup) : undefined;
    },
    async reset() {
      for (const id of [...states.keys()]) await driver.destroy(id);
      // the admin reset forgets every disk and snapshot too; blueprint images stay
      for (const id of await store.list()) if (!isImageId(id)) await store.delete(id);
      await bridgeDown(ctx.bridge, ctx.table, CGROUP_CONTROLLERS);
      networkUp = false;
    },
    async close() {
      ctx.freezer.close();
      if (![...states.values()].some((s) => s.running)) {
        await bridgeDown(ctx.bridge, ctx.table, CGROUP_CONTROLLERS);
        networkUp = false;
      }
    },
  };
  return driver;
}

import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseKeyValues, runScript } from "../../host/exec.js";
import { DriverError, type AttachedDisk } from "../driver.js";
import { deviceName, hostNames, type LinuxContext } from "./context.js";
import { ALLOWED_DEVICES, pidsOf } from "./host/cgroups.js";
import { BOOT_STAGE1, BOOT_STAGE2, INIT } from "./host/boot-scripts.js";
import { HOST_DOWN, HOST_UP, LAUNCH } from "./host/instance-scripts.js";
import { CGROUP_CONTROLLERS } from "./preflight.js";
import type { InstanceState, RunningState } from "./state.js";

const CONTROLLERS = CGROUP_CONTROLLERS.join(" ");
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Start time of a live (not zombie) process, or undefined. */
export async function processStartTime(pid: number): Promise<number | undefined> {
  const text = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => undefined);
  if (!text) return undefined;
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  if (fields[0] === "Z" || fields[0] === "X") return undefined;
  return Number(fields[19]);
}

export async function isAlive(running: RunningState): Promise<boolean> {
  return (await processStartTime(running.pid)) === running.startTime;
}

async function findInitPid(cgroup: string): Promise<number | undefined> {
  for (const pid of await pidsOf(cgroup)) {
    const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
    const nspid = /^NSpid:\s+(.*)$/m.exec(status)?.[1]?.trim().split(/\s+/);
    if (nspid && nspid.length > 1 && nspid[nspid.length - 1] === "1") return pid;
  }
  return undefined;
}

/** Where the /dev every instance starts with is kept (made by DEV_TEMPLATE when the driver opens). */
export const devTemplate = (ctx: LinuxContext) => join(ctx.states.root, "..", "dev");

/** Files copied into the instance's /run/skiff at boot. */
async function writeRunDir(dir: string, id: string, state: InstanceState) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(join(dir, "stage2"), BOOT_STAGE2);
  await writeFile(join(dir, "init"), INIT);
  await writeFile(join(dir, "env"), `SKIFF_INSTANCE_ID=${shellQuote(id)}\nSKIFF_USER=${shellQuote(state.spec.username)}\n`);
  await writeFile(join(dir, "user-data"), state.spec.userData ?? "");
  await writeFile(join(dir, "authorized-key"), state.spec.publicKey ? `${state.spec.publicKey.trim()}\n` : "");
}

function allDisks(state: InstanceState): AttachedDisk[] {
  return [{ diskId: state.systemDiskId, devicePath: "/" }, ...state.disks];
}

/** Boots an instance from its disks: host objects up, namespaces made, init running. */
export async function bootInstance(ctx: LinuxContext, id: string, state: InstanceState): Promise<RunningState> {
  const started = performance.now();
  const names = hostNames(ctx, id, state);
  const dir = ctx.states.dir(id);
  for (const d of allDisks(state)) {
    if (!(await ctx.store.stat(d.diskId))) throw new DriverError(`disk ${d.diskId} of instance ${id} does not exist`);
  }
  await writeRunDir(join(dir, "run"), id, state);
  let up: Record<string, string>;
  try {
    up = parseKeyValues(
      await runScript(HOST_UP, [], {
        name: "host-up",
        env: {
          ...process.env,
          CG: names.cgroup,
          CONTROLLERS,
          MEM_BYTES: String(state.spec.memoryMiB * 1024 * 1024),
          CPU_QUOTA: String(Math.max(1, state.spec.cpuCount) * 100_000),
          DEVICES: ALLOWED_DEVICES.join("\n"),
          DIR: dir,
          ROOT_IMG: ctx.store.path(state.systemDiskId),
          DISKS: state.disks.map((d) => `${deviceName(d.devicePath)}\t${ctx.store.path(d.diskId)}`).join("\n"),
          NETNS: names.netns,
          VETH: names.veth,
          BRIDGE: ctx.bridge,
          PRIV_IP: names.privateIp,
          MAC: macOf(names.privateIp),
          PREFIX: String(ctx.privateNet.prefix),
        },
      }),
    );
  } catch (e) {
    await haltInstance(ctx, id, state, 0).catch(() => undefined);
    throw e;
  }
  const hostUpMs = performance.now() - started;
  const loops: Record<string, string> = { [state.systemDiskId]: up["loop.root"]! };
  const devices: Record<string, string> = {};
  for (const d of state.disks) {
    loops[d.diskId] = up[`loop.${deviceName(d.devicePath)}`]!;
    devices[d.diskId] = up[`dev.${deviceName(d.devicePath)}`]!;
  }
  try {
    const running = await launch(ctx, id, state, loops, devices);
    ctx.log?.info("linux.boot", { id, hostUpMs: Math.round(hostUpMs), bootMs: Math.round(performance.now() - started - hostUpMs) });
    return running;
  } catch (e) {
    await haltInstance(ctx, id, state, 0).catch(() => undefined);
    throw e;
  }
}

/** Starts the instance's namespaces detached from Skiff and waits for its init to say ready. */
async function launch(
  ctx: LinuxContext,
  id: string,
  state: InstanceState,
  loops: Record<string, string>,
  devices: Record<string, string>,
): Promise<RunningState> {
  const names = hostNames(ctx, id, state);
  const dir = ctx.states.dir(id);
  const bootFile = join(dir, "boot.sh");
  await writeFile(bootFile, BOOT_STAGE1);
  const consolePath = join(dir, "console.log");
  const offset = (await stat(consolePath).catch(() => undefined))?.size ?? 0;
  const fd = openSync(consolePath, "a");
  let exited: string | undefined;
  let pid: number | undefined;
  try {
    const child = spawn(
      "/bin/sh",
      ["-c", LAUNCH, "launch", names.cgroup, CGROUP_CONTROLLERS.join(" "), names.netns, bootFile, join(dir, "root"), hostname(state.spec.hostname), join(dir, "run"), state.disks.map((d) => `${deviceName(d.devicePath)}:${devices[d.diskId]}`).join(" "), devTemplate(ctx)],
      { detached: true, stdio: ["ignore", fd, fd] },
    );
    child.on("exit", (code, signal) => (exited = `exited (${signal ?? code})`));
    child.on("error", (e) => (exited = e.message));
    child.unref();
    pid = child.pid;
  } finally {
    closeSync(fd);
  }
  if (pid === undefined) throw new Error(`could not start instance ${id}: ${exited}`);
  const startTime = (await processStartTime(pid)) ?? -1;
  const deadline = performance.now() + ctx.options.bootTimeoutMs;
  for (;;) {
    const text = (await readFile(consolePath)).subarray(offset).toString("utf8");
    if (/^skiff-init: ready$/m.test(text)) break;
    if (exited || performance.now() > deadline) {
      throw new Error(`instance ${id} did not boot (${exited ?? "timed out"}): ${text.trim().split("\n").slice(-5).join(" | ")}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const initPid = await findInitPid(names.cgroup);
  if (initPid === undefined) throw new Error(`instance ${id} booted but its init is not in its cgroup`);
  return { pid, startTime, initPid, loops, devices };
}

/** A locally administered MAC address made of the IPv4 address: 02:00:a:b:c:d. */
export const macOf = (ip: string) => ["02", "00", ...ip.split(".").map((n) => Number(n).toString(16).padStart(2, "0"))].join(":");

/** A hostname from an instance name: letters, digits and '-', at most 63 characters. */
export const hostname = (name: string) => name.replace(/[^A-Za-z0-9-]/g, "-").slice(0, 63) || "instance";

/** Stops every process of an instance and removes its host objects; safe to repeat. */
export async function haltInstance(ctx: LinuxContext, id: string, state: InstanceState, graceMs: number): Promise<void> {
  const names = hostNames(ctx, id, state);
  const images = allDisks(state).map((d) => ctx.store.path(d.diskId));
  await runScript(HOST_DOWN, [], {
    name: "host-down",
    env: { ...process.env, CG: names.cgroup, CONTROLLERS, DIR: ctx.states.dir(id), IMAGES: images.join("\n"), NETNS: names.netns, VETH: names.veth, GRACE_MS: String(graceMs) },
  });
}

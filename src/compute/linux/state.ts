import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { AttachedDisk, InstanceSpec, PortRule } from "../driver.js";

/** What runs now: enough to find, adopt or clean up the instance after a Skiff restart. */
export interface RunningState {
  /** Host pid of the `unshare` process whose child is the instance's init. */
  pid: number;
  /** Its start time (clock ticks since boot, /proc/<pid>/stat field 22): pids get reused. */
  startTime: number;
  /** Host pid of the instance's init (pid 1 inside). */
  initPid: number;
  /** Loop device of each disk id. */
  loops: Record<string, string>;
  /** `major:minor` of each attached disk's loop device. */
  devices: Record<string, string>;
}

/** One instance of the linux driver, as kept in `<dataDir>/linux/instances/<id>/state.json`. */
export interface InstanceState {
  spec: InstanceSpec;
  systemDiskId: string;
  disks: AttachedDisk[];
  /** Host part of both addresses (private and public). */
  hostIndex: number;
  ports: PortRule[];
  running?: RunningState;
}

export interface StateDir {
  root: string;
  dir(id: string): string;
  load(id: string): Promise<InstanceState | undefined>;
  save(id: string, state: InstanceState): Promise<void>;
  remove(id: string): Promise<void>;
  ids(): Promise<string[]>;
}

export async function openStateDir(root: string): Promise<StateDir> {
  await mkdir(root, { recursive: true });
  const dir = (id: string) => join(root, id);
  return {
    root,
    dir,
    async load(id) {
      const text = await readFile(join(dir(id), "state.json"), "utf8").catch(() => undefined);
      return text === undefined ? undefined : (JSON.parse(text) as InstanceState);
    },
    async save(id, state) {
      await mkdir(dir(id), { recursive: true });
      const file = join(dir(id), "state.json");
      await writeFile(`${file}.new`, JSON.stringify(state, null, 1));
      await rename(`${file}.new`, file);
    },
    async remove(id) {
      await rm(dir(id), { recursive: true, force: true });
    },
    async ids() {
      const names = await readdir(root);
      const out: string[] = [];
      for (const name of names) if (await readFile(join(root, name, "state.json")).then(() => true, () => false)) out.push(name);
      return out.sort();
    },
  };
}

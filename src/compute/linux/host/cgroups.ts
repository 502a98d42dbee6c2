import { readFile } from "node:fs/promises";
import { CGROUP_CONTROLLERS } from "../preflight.js";

const ROOT = "/sys/fs/cgroup";

/** cgroup v1 paths of an instance: `<controller>/<tag>/<id>`. */
export const cgroupName = (tag: string, id: string) => `${tag}/${id}`;
export const cgroupDir = (controller: (typeof CGROUP_CONTROLLERS)[number], name: string) => `${ROOT}/${controller}/${name}`;
export const freezerState = (name: string) => `${cgroupDir("freezer", name)}/freezer.state`;

/** Devices an instance may open or create besides its disks: null, zero, full, random, urandom, tty, ptmx, pts. */
export const ALLOWED_DEVICES = ["c 1:3 rwm", "c 1:5 rwm", "c 1:7 rwm", "c 1:8 rwm", "c 1:9 rwm", "c 5:0 rwm", "c 5:2 rwm", "c 136:* rwm"];

export async function cpuSecondsOf(name: string): Promise<number | undefined> {
  const text = await readFile(`${cgroupDir("cpuacct", name)}/cpuacct.usage`, "utf8").catch(() => undefined);
  return text === undefined ? undefined : Number(text.trim()) / 1e9;
}

export async function pidsOf(name: string): Promise<number[]> {
  const text = await readFile(`${cgroupDir("freezer", name)}/cgroup.procs`, "utf8").catch(() => "");
  return text.split("\n").filter(Boolean).map(Number);
}

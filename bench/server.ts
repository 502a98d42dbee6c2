import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { get } from "node:http";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../skiff.mjs", import.meta.url));
const LISTENING = /listening on (http:\/\/[^\s;]+)/;

export interface ServerProcess {
  child: ChildProcess;
  endpoint: string;
  /** ms from spawn() to the first 200 from /_skiff/health. */
  coldStartMs: number;
  /** Resident set size of the server process now, in MiB (from /proc/<pid>/status). */
  rssMiB(): number;
  /** CPU time (user + system) the server process has used so far, in ms (from /proc/<pid>/stat). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Starts `node dist/skiff.mjs --in-memory --quiet --port 0` and waits until it answers health. */
export async function startServer(): Promise<ServerProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, [MAIN, "--in-memory", "--quiet", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  const stopped = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const endpoint = await startupEndpoint(child);
    await firstHealthy(endpoint);
    const coldStartMs = performance.now() - started;
    return {
      child,
      endpoint,
      coldStartMs,
      rssMiB: () => rssMiB(child.pid!),
      cpuMs: () => cpuMs(child.pid!),
      async stop() {
        child.kill("SIGTERM");
        await stopped;
      },
    };
  } catch (e) {
    child.kill("SIGKILL");
    await stopped;
    throw e;
  }
}

function startupEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr!.on("data", (c: Buffer) => (err += c.toString()));
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = LISTENING.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`skiff exited (${code}) before listening:\n${out}${err}`)));
  });
}

async function firstHealthy(endpoint: string) {
  for (let attempt = 0; attempt < 500; attempt++) {
    if ((await status(`${endpoint}/_skiff/health`)) === 200) return;
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error(`${endpoint}/_skiff/health never answered 200`);
}

/** A plain GET on a new connection; 0 when nothing accepts it yet. */
function status(url: string): Promise<number> {
  return new Promise((resolve) => {
    get(url, { agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    }).on("error", () => resolve(0));
  });
}

function rssMiB(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!m) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(m[1]) / 1024;
}

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after "(comm)": state is field 3, utime field 14 and stime field 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS) * 1000;
}

/** ms from spawning `node -e 0` to its exit: what any Node program pays before its own code. */
export async function nodeBaselineMs(): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", "0"], { stdio: "ignore" });
    child.once("error", reject);
    child.once("exit", () => resolve());
  });
  return performance.now() - started;
}

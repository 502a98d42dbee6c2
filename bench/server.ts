import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  /** The largest resident set size the server process has had, in MiB. */
  peakRssMiB(): number;
  /** CPU time (user + system) the server process has used so far, in ms (from /proc/<pid>/stat). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** A fresh state directory on disk, for a server whose state the benchmark throws away. */
export const scratchDataDir = () => mkdtempSync(join(tmpdir(), "skiff-bench-"));

/**
 * Starts `node dist/skiff.mjs --data-dir <dir> --quiet --port 0` (SQLite on disk, as the budgets
 * assume) and waits until it answers health. Without `dataDir` the state lives in a scratch
 * directory that is removed when the server stops.
 */
export interface ServerOptions {
  dataDir?: string;
  nodeArgs?: string[];
  /** Another build's bundle, to compare two versions on the same machine in the same run. */
  bundle?: string;
  /** More command-line options and environment variables of the server (e.g. --auth sigv4 and its key). */
  args?: string[];
  env?: Record<string, string>;
}

export async function startServer(options: ServerOptions = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? scratchDataDir();
  const scratch = options.dataDir === undefined;
  const started = performance.now();
  const args = [...(options.nodeArgs ?? []), options.bundle ?? MAIN, "--data-dir", dataDir, "--quiet", "--port", "0", ...(options.args ?? [])];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...options.env } });
  const stopped = new Promise<void>((resolve) =>
    child.once("exit", () => {
      if (scratch) rmSync(dataDir, { recursive: true, force: true });
      resolve();
    }),
  );
  try {
    const endpoint = await startupEndpoint(child);
    await firstHealthy(endpoint);
    const coldStartMs = performance.now() - started;
    return {
      child,
      endpoint,
      coldStartMs,
      rssMiB: () => statusMiB(child.pid!, "VmRSS"),
      peakRssMiB: () => statusMiB(child.pid!, "VmHWM"),
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

/** The first answer from /_skiff/health: 200, or 403 when the server wants signed admin requests. */
async function firstHealthy(endpoint: string) {
  for (let attempt = 0; attempt < 500; attempt++) {
    const answer = await status(`${endpoint}/_skiff/health`);
    if (answer === 200 || answer === 403) return;
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

function statusMiB(pid: number, field: "VmRSS" | "VmHWM"): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!m) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(m[1]) / 1024;
}

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after "(comm)": state is field 3, utime field 14 and stime field 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS) * 1000;
}

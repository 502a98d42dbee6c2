import { fork, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import type { ChildMessage, ChildStats } from "./server-child.js";

const NO_STATS: ChildStats = { type: "stats", maxDelayMs: 0, maxGcMs: 0, cpuMs: 0, wallMs: 0, rssBytes: 0, heapUsedBytes: 0, pollution: [] };

/** A "bug" line the child logged (an error that reached the listener), with its request id. */
export interface BugLine {
  requestId?: string;
  operation?: string;
  error: string;
}

/** The fuzzed Skiff process: its port, its stats on demand, its exit and the bugs it logged. */
export class FuzzChild {
  readonly bugs: BugLine[] = [];
  exited?: { code: number | null; signal: NodeJS.Signals | null; stderrTail: string[] };
  private readonly stderrTail: string[] = [];
  private pending: ((s: ChildStats) => void)[] = [];

  private constructor(private readonly proc: ChildProcess, readonly port: number) {
    proc.on("message", (m: ChildMessage) => {
      if (m.type === "stats") this.pending.shift()?.(m);
    });
    createInterface({ input: proc.stderr! }).on("line", (line) => this.onStderr(line));
    proc.on("exit", (code, signal) => {
      this.exited = { code, signal, stderrTail: this.stderrTail.slice(-20) };
      for (const p of this.pending.splice(0)) p(NO_STATS);
    });
  }

  static start(): Promise<FuzzChild> {
    const child = fork(new URL("./server-child.js", import.meta.url), [], { stdio: ["ignore", "ignore", "pipe", "ipc"] });
    return new Promise((resolve, reject) => {
      child.once("message", (m: ChildMessage) => (m.type === "ready" ? resolve(new FuzzChild(child, m.port)) : reject(new Error("child spoke before ready"))));
      child.once("exit", (code) => reject(new Error(`the fuzzed Skiff exited (${code}) before listening`)));
    });
  }

  get alive() {
    return this.exited === undefined;
  }

  /** The child's longest event-loop delay since the last call, its memory and prototype pollution. */
  stats(): Promise<ChildStats> {
    return new Promise((resolve) => {
      if (!this.alive) return resolve(NO_STATS);
      this.pending.push(resolve);
      this.proc.send({ type: "stats" });
    });
  }

  onExit(fn: () => void) {
    if (!this.alive) fn();
    else this.proc.once("exit", fn);
  }

  stop(): Promise<void> {
    if (!this.alive) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.proc.kill("SIGKILL"), 5000);
      this.proc.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      this.proc.disconnect();
    });
  }

  private onStderr(line: string) {
    this.stderrTail.push(line.slice(0, 2000));
    if (this.stderrTail.length > 50) this.stderrTail.shift();
    if (!line.includes('"bug"')) return;
    try {
      const entry = JSON.parse(line) as { event?: string; requestId?: string; operation?: string; error?: string };
      if (entry.event === "bug" && this.bugs.length < 200) {
        this.bugs.push({ ...(entry.requestId ? { requestId: entry.requestId } : {}), ...(entry.operation ? { operation: entry.operation } : {}), error: String(entry.error).slice(0, 2000) });
      }
    } catch {
      // not a log line
    }
  }
}

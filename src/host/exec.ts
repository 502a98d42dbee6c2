import { execFile, spawn } from "node:child_process";

/** A host command that failed: its words, exit code and what it said on stderr. */
export class CommandError extends Error {
  constructor(
    readonly command: string,
    readonly code: number | string | null,
    readonly stderr: string,
  ) {
    super(`${command} failed (${code}): ${stderr.trim().split("\n").slice(-3).join(" | ") || "no output"}`);
    this.name = "CommandError";
  }
}

export interface RunOptions {
  /** Written to the command's stdin. */
  input?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/**
 * Runs one host command without a shell and returns its stdout. Arguments are passed as words,
 * never interpolated into a command line.
 */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      { env: options.env ?? process.env, timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException & { code?: number | string }).code ?? null;
          reject(new CommandError([command, ...args].join(" ").slice(0, 300), code, stderr || (error.killed ? "timed out" : "")));
        } else resolve(stdout);
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

/**
 * Runs a POSIX shell script with `set -eu`. Positional arguments and environment carry every
 * value, so nothing is ever interpolated into the script text. One script saves many process
 * spawns, which dominate latency on a loaded host.
 */
export async function runScript(script: string, args: string[] = [], options: RunOptions & { name?: string } = {}): Promise<string> {
  try {
    return await run("/bin/sh", ["-euc", script, options.name ?? "sh", ...args], options);
  } catch (e) {
    if (!(e instanceof CommandError)) throw e;
    const first = script.trim().split("\n")[0]!.slice(0, 60);
    throw new CommandError(`script ${options.name ?? `'${first}…'`}`, e.code, e.stderr);
  }
}

/** Whether `command` is on PATH (or is an existing absolute path). */
export async function hasCommand(command: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn("/bin/sh", ["-c", 'command -v "$1" >/dev/null 2>&1', "sh", command], { stdio: "ignore" });
    child.on("exit", (code) => resolve(code === 0));
    child.on("error", () => resolve(false));
  });
}

/** `key=value` lines (as the host scripts print them) into a record. */
export function parseKeyValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}

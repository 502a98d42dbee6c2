import { hasCommand } from "../../src/host/exec.js";

/**
 * Why host-level tests cannot run here, or undefined when they can: they need root on Linux
 * and the named tools on PATH.
 */
export async function hostSkipReason(what: string, tools: string[]): Promise<string | undefined> {
  if (process.platform !== "linux") return `${what} needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return `${what} needs root`;
  const missing: string[] = [];
  for (const tool of tools) if (!(await hasCommand(tool))) missing.push(tool);
  if (missing.length > 0) return `${what} needs ${missing.join(", ")} on PATH`;
  return undefined;
}

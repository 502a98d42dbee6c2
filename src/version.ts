import { readFileSync } from "node:fs";

/** Skiff's version, from the package.json above this file (in the tsc output and in the bundle alike). */
function readVersion(): string {
  for (const up of ["../package.json", "../../package.json", "../../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "skiff" && pkg.version) return pkg.version;
    } catch {
      // not this level
    }
  }
  return "unknown";
}

export const version = readVersion();

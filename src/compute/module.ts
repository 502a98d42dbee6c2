import type { ParseArgsConfig } from "node:util";
import type { Clock } from "../core/clock.js";
import type { Logger } from "../core/log.js";
import type { DiskStore } from "../storage/disk-store.js";
import type { ComputeDriver } from "./driver.js";

/** What every driver is built with; its own options come apart (`DriverModule.options`). */
export interface DriverDeps {
  clock: Clock;
  /** Clock time a simulated step takes (the sim driver's transitions; 0: at once). */
  transitionMs: number;
  dataDir: string;
  log?: Logger;
  /** The disk store skiff.ts opened beside the driver, given to drivers whose disks hold bytes. */
  disks?: DiskStore;
}

export type DriverFlags = NonNullable<ParseArgsConfig["options"]>;

/** A bad driver option: the CLI prints it with the usage, the library throws it. */
export class DriverOptionError extends Error {
  override name = "DriverOptionError";
}

/** A driver's own options: its command-line flags and environment variables, and how it checks them. */
export interface DriverOptionsSpec<O> {
  /** Flags for the one parseArgs of config.ts; names must not clash with the shared ones. */
  flags: DriverFlags;
  /** USAGE lines for its flags ("" when it has none). */
  usage: string;
  /** Its options from the parsed flags and the environment (flags win); throws DriverOptionError. */
  fromCommandLine(values: Readonly<Record<string, unknown>>, env: NodeJS.ProcessEnv): Partial<O>;
  /** Checks options given in code (`driverOptions`): unknown names and wrong types are refused. */
  check(options: Readonly<Record<string, unknown>>): Partial<O>;
}

/** A sub-command of the `skiff` CLI that a driver brings (`skiff image …` for linux). */
export interface DriverCommand {
  /** One USAGE line. */
  usage: string;
  run(argv: string[], env: NodeJS.ProcessEnv): Promise<number>;
}

/**
 * One compute driver as the registry (compute/index.ts) knows it: how to build it, what it needs
 * beside it, its own options and sub-commands. A new driver is a folder with one of these and one
 * line in the registry; nothing shared names its options.
 */
export interface DriverModule {
  /** Whether its disks hold bytes: then skiff.ts opens a disk store beside it (`--storage`) and passes it in. */
  storesDiskBytes: boolean;
  /** Whether its instances are real (then Skiff will not start without an explicit `--auth`). */
  realInstances: boolean;
  options: DriverOptionsSpec<Record<string, unknown>>;
  commands: Readonly<Record<string, DriverCommand>>;
  /** `options`: from `options.fromCommandLine`, or `driverOptions` in code; the driver checks them (`options.check`). */
  create(deps: DriverDeps, options: Readonly<Record<string, unknown>>): Promise<ComputeDriver>;
}

/** One option of a driver: its name in code, its flag, its environment variable, its kind. */
export interface DriverOption {
  flag: string;
  env: string;
  kind: "string" | "integer";
  /** USAGE text after the flag: what it is, without the variable and default (added). */
  help: string;
}

/**
 * Builds a DriverOptionsSpec from a table of options (name → option) with their defaults, and
 * `validate`, which checks the whole set (defaults filled in) and throws DriverOptionError.
 */
export function driverOptionsSpec<O extends Record<string, string | number>>(
  driver: string,
  table: { readonly [K in keyof O]: DriverOption },
  defaults: O,
  validate: (options: O) => void,
): DriverOptionsSpec<O> {
  const entries = Object.entries(table) as [keyof O & string, DriverOption][];
  const byName = new Map(entries);
  const value = (name: string, option: DriverOption, raw: unknown): string | number => {
    if (option.kind === "string") {
      if (typeof raw !== "string" || raw === "") throw new DriverOptionError(`${name} of the ${driver} driver must be a non-empty string`);
      return raw;
    }
    const n = typeof raw === "string" && /^\d{1,15}$/.test(raw) ? Number(raw) : raw;
    if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
      throw new DriverOptionError(`${name} of the ${driver} driver must be an integer >= 0, not '${String(raw)}'`);
    }
    return n;
  };
  const checked = (given: Partial<O>) => {
    validate({ ...defaults, ...given });
    return given;
  };
  const width = Math.max(...entries.map(([, o]) => o.flag.length + 10), 27);
  return {
    flags: Object.fromEntries(entries.map(([, o]) => [o.flag, { type: "string" as const }])),
    usage: entries
      .map(([name, o]) => {
        const flag = `--${o.flag} <${o.kind === "integer" ? "n" : "value"}>`.padEnd(width);
        return `  ${flag}${driver} driver: ${o.help}\n  ${"".padEnd(width)}(${o.env}, default ${defaults[name]})`;
      })
      .join("\n"),
    fromCommandLine(values, env) {
      const given: Partial<O> = {};
      for (const [name, o] of entries) {
        const raw = values[o.flag] ?? (env[o.env] === "" ? undefined : env[o.env]);
        if (raw !== undefined) given[name] = value(`--${o.flag}`, o, raw) as O[typeof name];
      }
      return checked(given);
    },
    check(options) {
      const given: Partial<O> = {};
      for (const [name, raw] of Object.entries(options)) {
        const o = byName.get(name);
        if (!o) throw new DriverOptionError(`the ${driver} driver has no option '${name}'; it has ${entries.map(([n]) => n).join(", ") || "none"}`);
        if (raw !== undefined) given[name as keyof O] = value(name, o, raw) as O[keyof O];
      }
      return checked(given);
    },
  };
}

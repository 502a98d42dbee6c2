import { parseArgs } from "node:util";
import { computeDrivers } from "./compute/index.js";
import { DriverOptionError } from "./compute/module.js";
import type { ListenerLimits } from "./server/listener.js";
import { parseStoreSpec, StoreSpecError, type StoreSpec } from "./state/index.js";
import { isStorageKind, type StorageKind } from "./storage/index.js";

/** Every option of Skiff, with its default. Parsed once, from flags, environment or code. */
export interface SkiffOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Where the SQLite file (unless `store` says otherwise) and the linux driver's disks live. */
  dataDir: string;
  /** Keep state in memory only: gone when the process ends (`sqlite::memory:`). Ignored when `store` is given. */
  inMemory: boolean;
  /**
   * The state store, `<engine>:<location>` (`sqlite:/var/lib/skiff/skiff.db`, `sqlite::memory:`) or
   * its parsed spec. Unset: SQLite in memory when `inMemory`, else `<dataDir>/skiff.db`.
   */
  store?: string | StoreSpec;
  /** The compute driver by name (compute/index.ts): `sim` or `linux`. */
  driver: string;
  /**
   * The chosen driver's own options, by the names its module gives (compute/<driver>/module.ts);
   * on the command line they are its flags. The driver refuses names it does not have.
   */
  driverOptions: Record<string, unknown>;
  /** Clock time a simulated step takes: the sim driver's transitions, disk copies where disks hold no bytes (0: at once). */
  transitionMs: number;
  /** Items per page of Lightsail list calls. */
  pageSize: number;
  /** One JSON line per request and job on stderr. */
  log: boolean;
  /** The disk store opened beside a driver whose disks hold bytes: auto (reflink where possible), reflink or copy. */
  storage: StorageKind;
  /** GiB of the XFS reflink pool that disk store makes when the data directory has no reflink (0: none). */
  xfsPoolGiB: number;
  /**
   * `sigv4`: every request must be signed with a key Skiff knows. `off`: signatures are not
   * checked. Unset: off for the sim driver on loopback, else Skiff refuses to start (see auth.ts).
   */
  auth?: "off" | "sigv4";
  /** A key to create (or update) at start, for containers and CI (SKIFF_ACCESS_KEY_ID …); an admin key. */
  bootstrapKey?: { accessKeyId: string; secretAccessKey: string; account: string };
  /** Timeouts and the connection cap of the listener (defaults in server/listener.ts). */
  limits: Partial<ListenerLimits>;
}

export const libraryDefaults: SkiffOptions = {
  host: "127.0.0.1",
  port: 0,
  dataDir: "./.skiff",
  inMemory: true,
  driver: "sim",
  driverOptions: {},
  transitionMs: 0,
  pageSize: 100,
  log: false,
  storage: "auto",
  xfsPoolGiB: 0,
  limits: {},
};

const drivers = [...computeDrivers];
const driverCommands = drivers.flatMap(([, m]) => Object.values(m.commands).map((c) => `       ${c.usage}`));
const driverUsage = drivers.map(([, m]) => m.options.usage).filter(Boolean);

export const USAGE = `Usage: skiff [options]
${driverCommands.join("\n")}
       skiff keys create --account <12 digits> [--admin] | list | delete <id>   (keys for --auth sigv4)
  --host <addr>              listen address (SKIFF_HOST, default 127.0.0.1)
  --port <n>                 listen port (SKIFF_PORT, default 4566; 0 picks one)
  --data-dir <dir>           state directory (SKIFF_DATA_DIR, default ./.skiff)
  --in-memory                keep no state on disk (SKIFF_IN_MEMORY=1; same as --store sqlite::memory:)
  --store <engine:location>  state store (SKIFF_STORE, default sqlite:<data-dir>/skiff.db):
                             sqlite:<file> or sqlite::memory:
  --driver <${drivers.map(([name]) => name).join("|")}>       compute driver (SKIFF_DRIVER, default sim)
  --transition-ms <n>        simulated time per step in ms: sim driver state changes, disk copies
                             where disks hold no bytes (SKIFF_TRANSITION_MS, default 0)
  --page-size <n>            items per page of list calls (SKIFF_PAGE_SIZE, default 100)
  --storage <auto|reflink|copy>  disk store of a driver whose disks hold bytes (linux) (SKIFF_STORAGE,
                             default auto: reflink where the data directory allows, else the XFS pool,
                             else plain copies)
  --xfs-pool-gib <n>         make and loop-mount a sparse XFS reflink pool of n GiB under the data
                             directory when its file system has no reflink (SKIFF_XFS_POOL_GIB, default 0)
  --auth <off|sigv4>         off: any credentials; sigv4: requests must be signed with a key of
                             'skiff keys' (SKIFF_AUTH; default off for the sim driver on loopback,
                             and required for a driver with real instances or any other address)
  --max-connections <n>      open connections beyond this are closed (SKIFF_MAX_CONNECTIONS, default 4096)
  --quiet                    no request/job log lines on stderr (SKIFF_QUIET=1)
${driverUsage.join("\n")}
  --help
Environment only: SKIFF_ACCESS_KEY_ID, SKIFF_SECRET_ACCESS_KEY and SKIFF_ACCOUNT_ID create (or
update) that admin key at start.`;

export class ConfigError extends Error {}

function integer(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be an integer >= ${min}, not '${value}'`);
  return n;
}

function authMode(value: string | undefined): SkiffOptions["auth"] {
  if (value === undefined || value === "off" || value === "sigv4") return value;
  throw new ConfigError(`--auth must be off or sigv4, not '${value}'`);
}

function bootstrapKey(env: NodeJS.ProcessEnv): SkiffOptions["bootstrapKey"] {
  const { SKIFF_ACCESS_KEY_ID: accessKeyId, SKIFF_SECRET_ACCESS_KEY: secretAccessKey, SKIFF_ACCOUNT_ID: account } = env;
  if (!accessKeyId && !secretAccessKey && !account) return undefined;
  if (!accessKeyId || !secretAccessKey || !account) {
    throw new ConfigError("SKIFF_ACCESS_KEY_ID, SKIFF_SECRET_ACCESS_KEY and SKIFF_ACCOUNT_ID go together: set all three, or none");
  }
  if (!/^\d{12}$/.test(account)) throw new ConfigError(`SKIFF_ACCOUNT_ID must be 12 digits, not '${account}'`);
  if (!/^[A-Za-z0-9]{16,128}$/.test(accessKeyId)) throw new ConfigError("SKIFF_ACCESS_KEY_ID must be 16 to 128 letters and digits");
  if (secretAccessKey.length < 16) throw new ConfigError("SKIFF_SECRET_ACCESS_KEY must be at least 16 characters");
  return { accessKeyId, secretAccessKey, account };
}

function storeSpec(value: string | undefined): StoreSpec | undefined {
  if (value === undefined) return undefined;
  try {
    return parseStoreSpec(value);
  } catch (e) {
    if (e instanceof StoreSpecError) throw new ConfigError(e.message);
    throw e;
  }
}

function storageKind(value: string): StorageKind {
  if (isStorageKind(value)) return value;
  throw new ConfigError(`--storage must be auto, reflink or copy, not '${value}'`);
}

const sharedFlags = {
  host: { type: "string" },
  port: { type: "string" },
  "data-dir": { type: "string" },
  "in-memory": { type: "boolean" },
  store: { type: "string" },
  driver: { type: "string" },
  "transition-ms": { type: "string" },
  "page-size": { type: "string" },
  quiet: { type: "boolean" },
  storage: { type: "string" },
  "xfs-pool-gib": { type: "string" },
  auth: { type: "string" },
  "max-connections": { type: "string" },
  help: { type: "boolean" },
} as const;

/** Which driver each driver flag belongs to; a clash with a shared flag is a bug caught at load. */
const driverOfFlag = new Map<string, string>();
for (const [name, module] of drivers) {
  for (const flag of Object.keys(module.options.flags)) {
    if (Object.hasOwn(sharedFlags, flag) || driverOfFlag.has(flag)) throw new Error(`driver ${name}: flag --${flag} is taken`);
    driverOfFlag.set(flag, name);
  }
}
const allDriverFlags = Object.assign({}, ...drivers.map(([, m]) => m.options.flags)) as Record<string, { type: "string" | "boolean" }>;

/** The chosen driver's options from its flags and environment; another driver's flag is refused. */
function driverOptions(driver: string, values: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const module = computeDrivers.get(driver);
  if (!module) throw new ConfigError(`--driver must be one of ${[...computeDrivers.keys()].join(", ")}, not '${driver}'`);
  for (const [flag, owner] of driverOfFlag) {
    if (owner !== driver && values[flag] !== undefined) throw new ConfigError(`--${flag} is an option of the ${owner} driver, not of the ${driver} driver`);
  }
  try {
    return module.options.fromCommandLine(values, env);
  } catch (e) {
    if (e instanceof DriverOptionError) throw new ConfigError(e.message);
    throw e;
  }
}

/** Command-line flags win over environment variables, which win over the CLI defaults. */
export function optionsFromCommandLine(argv: string[], env: NodeJS.ProcessEnv): SkiffOptions | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...sharedFlags, ...allDriverFlags },
    }).values;
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
  if (parsed.help) return "help";
  const flag = (v: string | undefined, e: string | undefined) => v ?? (e === "" ? undefined : e);
  const truthy = (v: string | undefined) => v !== undefined && v !== "" && v !== "0" && v !== "false";
  const driver = flag(parsed.driver as string | undefined, env.SKIFF_DRIVER) ?? "sim";
  return {
    host: flag(parsed.host, env.SKIFF_HOST) ?? "127.0.0.1",
    port: integer("--port", flag(parsed.port, env.SKIFF_PORT), 4566, 0),
    dataDir: flag(parsed["data-dir"], env.SKIFF_DATA_DIR) ?? "./.skiff",
    inMemory: parsed["in-memory"] ?? truthy(env.SKIFF_IN_MEMORY),
    store: storeSpec(flag(parsed.store, env.SKIFF_STORE)),
    driver,
    driverOptions: driverOptions(driver, parsed, env),
    transitionMs: integer("--transition-ms", flag(parsed["transition-ms"], env.SKIFF_TRANSITION_MS), 0, 0),
    pageSize: integer("--page-size", flag(parsed["page-size"], env.SKIFF_PAGE_SIZE), 100, 1),
    log: !(parsed.quiet ?? truthy(env.SKIFF_QUIET)),
    storage: storageKind(flag(parsed.storage as string | undefined, env.SKIFF_STORAGE) ?? "auto"),
    xfsPoolGiB: integer("--xfs-pool-gib", flag(parsed["xfs-pool-gib"], env.SKIFF_XFS_POOL_GIB), 0, 0),
    auth: authMode(flag(parsed.auth, env.SKIFF_AUTH)),
    bootstrapKey: bootstrapKey(env),
    limits: { maxConnections: integer("--max-connections", flag(parsed["max-connections"], env.SKIFF_MAX_CONNECTIONS), 4096, 1) },
  };
}

import { join } from "node:path";
import { openSqliteStore } from "./sqlite/sqlite-store.js";
import type { Store } from "./store.js";

/** Which store to open: an engine of `storeEngines` and where, as `--store <engine>:<location>` names it. */
export interface StoreSpec {
  engine: string;
  location: string;
}

export interface StoreEngine {
  /** What `location` means, for the usage text and errors. */
  location: string;
  open(location: string): Store;
}

/**
 * Store engines by name (STYLE: registries are tables). A new engine is a folder beside sqlite/,
 * its migrations in migrations/<dialect>/, one line here and one line in test/contracts/store.test.ts.
 */
export const storeEngines: Record<string, StoreEngine> = {
  sqlite: { location: "a file path, or :memory:", open: (location) => openSqliteStore(location) },
};

export class StoreSpecError extends Error {}

const choices = () => Object.entries(storeEngines).map(([name, e]) => `${name}:<${e.location}>`).join(", ");

/** `sqlite:./.skiff/skiff.db`, `sqlite::memory:` → a spec; an unknown engine or a missing location is refused, naming the choices. */
export function parseStoreSpec(text: string): StoreSpec {
  const colon = text.indexOf(":");
  const engine = colon < 0 ? text : text.slice(0, colon);
  const location = colon < 0 ? "" : text.slice(colon + 1);
  if (!Object.hasOwn(storeEngines, engine)) throw new StoreSpecError(`unknown store engine '${engine}' in --store '${text}'; choose one of ${choices()}`);
  if (location === "") throw new StoreSpecError(`--store '${text}' names no location; choose one of ${choices()}`);
  return { engine, location };
}

/** The store that options ask for: `store` when given, else SQLite in memory (`inMemory`) or in the data directory. */
export function storeSpecOf(o: { store?: string | StoreSpec; inMemory: boolean; dataDir: string }): StoreSpec {
  if (typeof o.store === "string") return parseStoreSpec(o.store);
  if (o.store) return parseStoreSpec(`${o.store.engine}:${o.store.location}`);
  return { engine: "sqlite", location: o.inMemory ? ":memory:" : join(o.dataDir, "skiff.db") };
}

export const openStore = (spec: StoreSpec): Store => storeEngines[spec.engine]!.open(spec.location);

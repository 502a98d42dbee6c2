import { openSqliteStore } from "./sqlite/sqlite-store.js";
import type { Store } from "./store.js";

/** Store engines by name (STYLE: registries are tables). */
export const storeEngines: Record<string, (location: string) => Store> = {
  sqlite: (location) => openSqliteStore(location),
};

import type { DialectMigrations } from "./index.js";
import { sqliteMigrations } from "./sqlite/index.js";

/** Every SQL dialect's migrations (a PostgreSQL store adds `postgres: postgresMigrations`). */
export const migrationDialects: Record<string, DialectMigrations> = {
  sqlite: sqliteMigrations,
};

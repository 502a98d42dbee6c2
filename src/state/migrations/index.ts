/**
 * The schema's numbered changes, dialect-neutral: each SQL dialect (migrations/<dialect>/) writes
 * every one of them, in its own SQL, as a `DialectMigrations` (a missing one fails to compile, and
 * test/contracts/migrations.test.ts checks the same at run time). Applied in order and recorded by
 * version. Append only; a new change is a new id here plus one file per dialect.
 */
export const migrationIds = ["001-initial", "002-lightsail-snapshots", "003-ec2", "004-settings", "005-indexes", "006-access-keys"] as const;

export type MigrationId = (typeof migrationIds)[number];

/** One dialect's SQL for every migration. */
export type DialectMigrations = Record<MigrationId, string>;

export interface Migration {
  id: MigrationId;
  /** The number the id begins with; what a store records as applied. */
  version: number;
  sql: string;
}

export const versionOf = (id: MigrationId) => Number(id.slice(0, id.indexOf("-")));

/** A dialect's migrations in the order of `migrationIds`. */
export const inOrder = (dialect: DialectMigrations): Migration[] => migrationIds.map((id) => ({ id, version: versionOf(id), sql: dialect[id] }));

import Database from "better-sqlite3";
import { dirname } from "node:path";
import { inOrder, type MigrationId } from "../migrations/index.js";
import { sqliteMigrations } from "../migrations/sqlite/index.js";
import type { Store, Tx } from "../store.js";
import {
  autoSnapshotsTable, diskSnapshotsTable, disksTable, instanceSnapshotsTable, instancesTable, keyPairsTable, operationsTable,
} from "../tables.js";
import { ec2InstancesTable, ec2KeyPairsTable, ec2VolumesTable } from "../ec2-tables.js";
import { docTableRepository } from "./doc-table.js";
import { snapshotRepository } from "./ec2-snapshots.js";
import { jobRepository } from "./jobs.js";
import { nameRepository } from "./names.js";
import { settingsRepository } from "./settings.js";
import { accessKeyRepository } from "./access-keys.js";
import { prepareDatabaseFile, StoreOpenError } from "./open-file.js";

/** The embedded engine: one SQLite file (WAL), or an in-memory database through the same code. */
export function openSqliteStore(path: string | ":memory:"): Store {
  if (path !== ":memory:") prepareDatabaseFile(path);
  // No busy wait: this process is the file's only user (see below), so a lock held elsewhere is another process.
  let db: Database.Database;
  try {
    db = new Database(path, { timeout: 0 });
  } catch (e) {
    throw new StoreOpenError(dirname(path), e);
  }
  try {
    // One process owns the file and keeps its locks: each statement then skips the file-lock
    // system calls that shared locking makes (7.7 → 1.7 µs a lookup here), and the WAL index lives in
    // memory. A second Skiff on the same data directory is refused instead of sharing a worker's jobs.
    db.pragma("locking_mode = EXCLUSIVE");
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    migrate(db);
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code === "SQLITE_BUSY") throw new Error(`${path} is in use by another process (another Skiff on the same data directory?)`);
    throw new StoreOpenError(dirname(path), e);
  }

  const tx: Tx = {
    names: nameRepository(db),
    settings: settingsRepository(db),
    accessKeys: accessKeyRepository(db),
    instances: docTableRepository(db, instancesTable),
    keyPairs: docTableRepository(db, keyPairsTable),
    operations: docTableRepository(db, operationsTable),
    disks: docTableRepository(db, disksTable),
    instanceSnapshots: docTableRepository(db, instanceSnapshotsTable),
    diskSnapshots: docTableRepository(db, diskSnapshotsTable),
    autoSnapshots: docTableRepository(db, autoSnapshotsTable),
    jobs: jobRepository(db),
    ec2Instances: docTableRepository(db, ec2InstancesTable),
    ec2Volumes: docTableRepository(db, ec2VolumesTable),
    ec2Snapshots: snapshotRepository(db),
    ec2KeyPairs: docTableRepository(db, ec2KeyPairsTable),
  };

  // better-sqlite3 is synchronous and shares one connection, so transactions run one at a time.
  let queue: Promise<unknown> = Promise.resolve();
  function serialised<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    engine: "sqlite",
    location: path,
    transaction: (fn) =>
      serialised(async () => {
        db.exec("BEGIN IMMEDIATE");
        try {
          const result = await fn(tx);
          db.exec("COMMIT");
          return result;
        } catch (e) {
          if (db.inTransaction) db.exec("ROLLBACK");
          throw e;
        }
      }),
    read: (fn) => serialised(() => fn(tx)),
    appliedMigrations: () => serialised(async () => appliedVersions(db)),
    reset: () =>
      serialised(async () => {
        const tables = db.prepare<[], { name: string }>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('schema_version', 'access_keys') AND name NOT LIKE 'sqlite_%'`,
        ).all();
        db.transaction(() => {
          for (const { name } of tables) db.exec(`DELETE FROM ${name}`);
        })();
      }),
    close: () =>
      serialised(async () => {
        db.close();
      }),
  };
}

/** The known migrations that `schema_version` records, in order. */
function appliedVersions(db: Database.Database): MigrationId[] {
  const applied = new Set(db.prepare<[], { version: number }>(`SELECT version FROM schema_version`).all().map((r) => r.version));
  return inOrder(sqliteMigrations).filter((m) => applied.has(m.version)).map((m) => m.id);
}

function migrate(db: Database.Database) {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)`);
  // Applied versions, not the highest one: migrations written on separate branches may land out of order.
  const applied = new Set<string>(appliedVersions(db));
  for (const m of inOrder(sqliteMigrations)) {
    if (applied.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare(`INSERT INTO schema_version (version) VALUES (?)`).run(m.version);
    })();
  }
}

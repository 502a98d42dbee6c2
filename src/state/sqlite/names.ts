import type Database from "better-sqlite3";
import type { NameRepository } from "../store.js";

export function nameRepository(db: Database.Database): NameRepository {
  const taken = db.prepare<[string, string, string], { name: string }>(
    `SELECT name FROM resource_names WHERE account = ? AND region = ? AND name = ?`,
  );
  const insert = db.prepare(`INSERT INTO resource_names (account, region, name, resource_type) VALUES (?, ?, ?, ?)`);
  const release = db.prepare(`DELETE FROM resource_names WHERE account = ? AND region = ? AND name = ?`);
  return {
    async claim({ account, region }, names, resourceType) {
      const inUse = names.filter((n) => taken.get(account, region, n));
      if (inUse.length === 0) for (const n of names) insert.run(account, region, n, resourceType);
      return inUse;
    },
    async release({ account, region }, name) {
      release.run(account, region, name);
    },
  };
}

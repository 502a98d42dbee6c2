import type Database from "better-sqlite3";
import type { SettingsRepository } from "../store.js";

export function settingsRepository(db: Database.Database): SettingsRepository {
  const get = db.prepare<[string], { value: string }>(`SELECT value FROM settings WHERE key = ?`);
  const set = db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  return {
    async get(key) {
      return get.get(key)?.value;
    },
    async set(key, value) {
      set.run(key, value);
    },
  };
}

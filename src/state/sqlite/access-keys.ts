import type Database from "better-sqlite3";
import type { AccessKeyRecord } from "../records.js";
import type { AccessKeyRepository } from "../store.js";

interface Row {
  access_key_id: string;
  secret_access_key: string;
  account: string;
  admin: number;
  created_at: number;
}

const toRecord = (r: Row): AccessKeyRecord => ({
  accessKeyId: r.access_key_id,
  secretAccessKey: r.secret_access_key,
  account: r.account,
  admin: r.admin === 1,
  createdAt: r.created_at,
});

export function accessKeyRepository(db: Database.Database): AccessKeyRepository {
  const get = db.prepare<[string], Row>(`SELECT * FROM access_keys WHERE access_key_id = ?`);
  const list = db.prepare<[], Row>(`SELECT * FROM access_keys ORDER BY created_at, access_key_id`);
  const insert = db.prepare(`INSERT INTO access_keys (access_key_id, secret_access_key, account, admin, created_at) VALUES (?, ?, ?, ?, ?)`);
  const remove = db.prepare<[string]>(`DELETE FROM access_keys WHERE access_key_id = ?`);
  return {
    async get(accessKeyId) {
      const row = get.get(accessKeyId);
      return row && toRecord(row);
    },
    async list() {
      return list.all().map(toRecord);
    },
    async insert(key) {
      insert.run(key.accessKeyId, key.secretAccessKey, key.account, key.admin ? 1 : 0, key.createdAt);
    },
    async delete(accessKeyId) {
      return remove.run(accessKeyId).changes > 0;
    },
  };
}

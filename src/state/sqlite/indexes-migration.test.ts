import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import Database from "better-sqlite3";
import { inOrder } from "../migrations/index.js";
import { sqliteMigrations } from "../migrations/sqlite/index.js";
import { openSqliteStore } from "./sqlite-store.js";

const OWNER = { account: "111111111111", region: "us-east-1" };
const snapshot = (id: string, tags: { key: string; value: string }[], createVolumePermissions: string[] = []) => ({
  snapshotId: id, volumeId: "vol-1", volumeSize: 8, state: "completed", progress: "100%", startTime: 0, ownerId: OWNER.account,
  description: "", encrypted: false, tags, createVolumePermissions,
});

/** A database as version 4 of the schema left it: documents, and shares without positions. */
function version4(path: string) {
  const db = new Database(path);
  db.exec(`CREATE TABLE schema_version (version INTEGER PRIMARY KEY)`);
  for (const m of inOrder(sqliteMigrations).filter((m) => m.version <= 4)) {
    db.exec(m.sql);
    db.prepare(`INSERT INTO schema_version (version) VALUES (?)`).run(m.version);
  }
  const insert = db.prepare(`INSERT INTO ec2_snapshots (account, region, key, doc, volume_id, state) VALUES (?, ?, ?, ?, 'vol-1', 'completed')`);
  insert.run(OWNER.account, OWNER.region, "snap-a", JSON.stringify(snapshot("snap-a", [{ key: "team", value: "blue" }])));
  insert.run(OWNER.account, OWNER.region, "snap-b", JSON.stringify(snapshot("snap-b", [{ key: "team", value: "red" }], ["222222222222"])));
  db.prepare(`INSERT INTO ec2_snapshot_shares (region, owner, snapshot_id, grantee) VALUES (?, ?, 'snap-b', '222222222222')`).run(OWNER.region, OWNER.account);
  db.close();
}

describe("migration 5 (indexes)", () => {
  it("indexes the tags and share positions of documents written before it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "skiff-migration-"));
    try {
      version4(join(dir, "skiff.db"));
      const store = openSqliteStore(join(dir, "skiff.db"));
      try {
        const ids = await store.read(async (tx) => {
          const found: string[] = [];
          for await (const { record } of tx.ec2Snapshots.scan(OWNER, { narrow: { tag: "team", values: ["red"] } })) found.push(record.snapshotId);
          return found;
        });
        assert.deepEqual(ids, ["snap-b"]);
        const shared = await store.read(async (tx) => {
          const found: string[] = [];
          for await (const { record, owner } of tx.ec2Snapshots.scanVisible("us-east-1", "222222222222")) found.push(`${owner}/${record.snapshotId}`);
          return found;
        });
        assert.deepEqual(shared, ["111111111111/snap-b"]);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

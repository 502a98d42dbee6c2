import type Database from "better-sqlite3";
import type { Scope } from "../../core/scope.js";
import type { SnapshotRecord } from "../ec2-records.js";
import { ec2SnapshotsTable } from "../ec2-tables.js";
import type { SnapshotRepository } from "../store.js";
import { docTableRepository } from "./doc-table.js";

type Row = { seq: number; doc: string; account: string };

const BATCH = 256;
const VISIBLE = `(s.account = @account OR EXISTS (SELECT 1 FROM ec2_snapshot_shares p
   WHERE p.region = s.region AND p.owner = s.account AND p.snapshot_id = s.key AND p.grantee IN (@account, 'all')))`;

/**
 * The snapshot document table plus `ec2_snapshot_shares`, an index of each snapshot's
 * createVolumePermissions kept in step with the document on every write.
 */
export function snapshotRepository(db: Database.Database): SnapshotRepository {
  const docs = docTableRepository(db, ec2SnapshotsTable);
  const clearShares = db.prepare(`DELETE FROM ec2_snapshot_shares WHERE region = ? AND owner = ? AND snapshot_id = ?`);
  const addShare = db.prepare(`INSERT OR IGNORE INTO ec2_snapshot_shares (region, owner, snapshot_id, grantee) VALUES (?, ?, ?, ?)`);
  const visiblePage = db.prepare<{ region: string; account: string; after: number; limit: number }, Row>(
    `SELECT s.seq, s.doc, s.account FROM ec2_snapshots s WHERE s.region = @region AND s.seq > @after AND ${VISIBLE} ORDER BY s.seq LIMIT @limit`,
  );
  const visibleOne = db.prepare<{ region: string; account: string; id: string }, Row>(
    `SELECT s.seq, s.doc, s.account FROM ec2_snapshots s WHERE s.region = @region AND s.key = @id AND ${VISIBLE}`,
  );

  function indexShares({ account, region }: Scope, record: SnapshotRecord) {
    clearShares.run(region, account, record.snapshotId);
    for (const grantee of record.createVolumePermissions) addShare.run(region, account, record.snapshotId, grantee);
  }

  return {
    ...docs,
    async insert(scope, record) {
      await docs.insert(scope, record);
      indexShares(scope, record);
    },
    async update(scope, record) {
      await docs.update(scope, record);
      indexShares(scope, record);
    },
    async delete(scope, key) {
      clearShares.run(scope.region, scope.account, key);
      return docs.delete(scope, key);
    },
    async *scanVisible(region, account, after = 0) {
      for (let from = after; ; ) {
        const rows = visiblePage.all({ region, account, after: from, limit: BATCH });
        for (const row of rows) yield { seq: row.seq, owner: row.account, record: JSON.parse(row.doc) as SnapshotRecord };
        if (rows.length < BATCH) return;
        from = rows[rows.length - 1]!.seq;
      }
    },
    async findVisible(region, account, snapshotId) {
      const row = visibleOne.get({ region, account, id: snapshotId });
      return row ? { owner: row.account, record: JSON.parse(row.doc) as SnapshotRecord } : undefined;
    },
  };
}

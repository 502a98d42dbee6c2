import type Database from "better-sqlite3";
import type { SnapshotRecord } from "../ec2-records.js";
import { ec2SnapshotsTable } from "../ec2-tables.js";
import { mergeBySeq } from "../merge.js";
import type { Positioned, SnapshotRepository } from "../store.js";
import { batched, docTableRepository, type SideIndex } from "./doc-table.js";

type Row = { seq: number; doc: string; account: string };
type Visible = Positioned<SnapshotRecord> & { owner: string };

const VISIBLE = `(s.account = @account OR EXISTS (SELECT 1 FROM ec2_snapshot_shares p
   WHERE p.region = s.region AND p.owner = s.account AND p.snapshot_id = s.key AND p.grantee IN (@account, 'all')))`;

/**
 * The snapshot document table plus `ec2_snapshot_shares`, an index of each snapshot's
 * createVolumePermissions (with the snapshot's position, so that what is shared with an account
 * reads in creation order) kept in step with the document on every write.
 */
export function snapshotRepository(db: Database.Database): SnapshotRepository {
  const clearShares = db.prepare(`DELETE FROM ec2_snapshot_shares WHERE region = ? AND owner = ? AND snapshot_id = ?`);
  const addShare = db.prepare(`INSERT OR IGNORE INTO ec2_snapshot_shares (region, owner, snapshot_id, grantee, snapshot_seq) VALUES (?, ?, ?, ?, ?)`);
  const shares: SideIndex<SnapshotRecord> = {
    write({ account, region }, record, seq) {
      clearShares.run(region, account, record.snapshotId);
      for (const grantee of record.createVolumePermissions) addShare.run(region, account, record.snapshotId, grantee, seq);
    },
    remove: ({ account, region }, snapshotId) => clearShares.run(region, account, snapshotId),
  };
  const docs = docTableRepository(db, ec2SnapshotsTable, [shares]);
  // Shared with `grantee` by another account, in creation order: served by ec2_snapshot_shares_seq.
  const sharedWith = db.prepare<[string, string, string, number, number], Row>(
    `SELECT s.seq, s.doc, s.account FROM ec2_snapshot_shares p JOIN ec2_snapshots s ON s.seq = p.snapshot_seq
     WHERE p.region = ? AND p.grantee = ? AND p.owner <> ? AND p.snapshot_seq > ? ORDER BY p.snapshot_seq LIMIT ?`,
  );
  const visibleOne = db.prepare<{ region: string; account: string; id: string }, Row>(
    `SELECT s.seq, s.doc, s.account FROM ec2_snapshots s WHERE s.region = @region AND s.key = @id AND ${VISIBLE}`,
  );
  const visible = (row: Row): Visible => ({ seq: row.seq, owner: row.account, record: JSON.parse(row.doc) as SnapshotRecord });

  async function* owned(account: string, source: AsyncIterable<Positioned<SnapshotRecord>>): AsyncIterable<Visible> {
    for await (const { seq, record } of source) yield { seq, record, owner: account };
  }

  return {
    ...docs,
    scanVisible(region, account, { after = 0, narrow, own = true } = {}) {
      const sources = [account, "all"].map((grantee) => batched((from, limit) => sharedWith.all(region, grantee, account, from, limit), after, visible));
      if (own) sources.unshift(owned(account, docs.scan({ account, region }, { after, narrow })));
      return mergeBySeq(sources);
    },
    async findVisible(region, account, snapshotId) {
      const row = visibleOne.get({ region, account, id: snapshotId });
      return row ? { owner: row.account, record: JSON.parse(row.doc) as SnapshotRecord } : undefined;
    },
  };
}

/**
 * Indexes that let EC2's Describe calls find records without reading every one (issue 6): the
 * tags of EC2 documents (`tag:<key>` filters), each share's snapshot position (snapshots shared
 * with an account, in creation order), and instances by state. Filled from the existing documents.
 */
const tagsOf = (table: string) => `
INSERT OR REPLACE INTO doc_tags (doc_table, doc_seq, account, region, key, value)
  SELECT '${table}', d.seq, d.account, d.region, json_extract(t.value, '$.key'), coalesce(json_extract(t.value, '$.value'), '')
  FROM ${table} d, json_each(d.doc, '$.tags') t;`;

export const sql = `
CREATE TABLE doc_tags (
  doc_table TEXT NOT NULL,
  doc_seq INTEGER NOT NULL,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (doc_table, doc_seq, key)
) WITHOUT ROWID;
CREATE INDEX doc_tags_value ON doc_tags (doc_table, account, region, key, value, doc_seq);
${tagsOf("ec2_instances")}
${tagsOf("ec2_volumes")}
${tagsOf("ec2_snapshots")}

ALTER TABLE ec2_snapshot_shares ADD COLUMN snapshot_seq INTEGER NOT NULL DEFAULT 0;
UPDATE ec2_snapshot_shares SET snapshot_seq = coalesce((SELECT s.seq FROM ec2_snapshots s
  WHERE s.account = ec2_snapshot_shares.owner AND s.region = ec2_snapshot_shares.region AND s.key = ec2_snapshot_shares.snapshot_id), 0);
CREATE INDEX ec2_snapshot_shares_seq ON ec2_snapshot_shares (region, grantee, snapshot_seq);

CREATE INDEX ec2_instances_state ON ec2_instances (account, region, state, seq);
`;

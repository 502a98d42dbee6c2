import { docTable } from "./ddl.js";

/** EC2 instances, EBS volumes and snapshots, key pairs, and who may restore whose snapshot. */
export const sql = `
${docTable("ec2_instances", { reservation_id: "TEXT NOT NULL", state: "TEXT NOT NULL", client_token: "TEXT NOT NULL" })}
CREATE INDEX ec2_instances_client_token ON ec2_instances (account, region, client_token, seq);

${docTable("ec2_volumes", { instance_id: "TEXT", snapshot_id: "TEXT", state: "TEXT NOT NULL" })}
CREATE INDEX ec2_volumes_instance ON ec2_volumes (account, region, instance_id, seq);
CREATE INDEX ec2_volumes_snapshot ON ec2_volumes (account, region, snapshot_id, seq);
CREATE INDEX ec2_volumes_state ON ec2_volumes (account, region, state, seq);

${docTable("ec2_snapshots", { volume_id: "TEXT NOT NULL", state: "TEXT NOT NULL" })}
CREATE INDEX ec2_snapshots_volume ON ec2_snapshots (account, region, volume_id, seq);
CREATE INDEX ec2_snapshots_state ON ec2_snapshots (account, region, state, seq);
CREATE INDEX ec2_snapshots_id ON ec2_snapshots (region, key);

CREATE TABLE ec2_snapshot_shares (
  region TEXT NOT NULL,
  owner TEXT NOT NULL,
  snapshot_id TEXT NOT NULL,
  grantee TEXT NOT NULL,
  PRIMARY KEY (region, owner, snapshot_id, grantee)
);
CREATE INDEX ec2_snapshot_shares_grantee ON ec2_snapshot_shares (region, grantee, snapshot_id);

${docTable("ec2_key_pairs", { key_pair_id: "TEXT NOT NULL" })}
CREATE UNIQUE INDEX ec2_key_pairs_id ON ec2_key_pairs (account, region, key_pair_id);
`;

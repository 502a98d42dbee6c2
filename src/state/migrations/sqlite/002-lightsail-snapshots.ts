import { docTable } from "./ddl.js";

/** Disks, instance and disk snapshots, automatic snapshots; recurring (scheduled) jobs. */
export const sql = `
${docTable("ls_disks", { attached_to: "TEXT" })}
CREATE INDEX ls_disks_attached_to ON ls_disks (account, region, attached_to, seq);

${docTable("ls_instance_snapshots", { from_instance_name: "TEXT" })}
CREATE INDEX ls_instance_snapshots_from ON ls_instance_snapshots (account, region, from_instance_name, seq);

${docTable("ls_disk_snapshots", { from_disk_name: "TEXT", from_instance_name: "TEXT" })}
CREATE INDEX ls_disk_snapshots_from_disk ON ls_disk_snapshots (account, region, from_disk_name, seq);
CREATE INDEX ls_disk_snapshots_from_instance ON ls_disk_snapshots (account, region, from_instance_name, seq);

${docTable("ls_auto_snapshots", { resource_name: "TEXT NOT NULL" })}
CREATE INDEX ls_auto_snapshots_resource ON ls_auto_snapshots (account, region, resource_name, seq);

ALTER TABLE jobs ADD COLUMN recurring INTEGER NOT NULL DEFAULT 0;
`;

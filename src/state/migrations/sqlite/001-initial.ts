import { docTable } from "./ddl.js";

export const sql = `
${docTable("ls_instances")}
${docTable("ls_key_pairs", { is_default: "INTEGER NOT NULL DEFAULT 0" })}
${docTable("ls_operations", { resource_name: "TEXT" })}
CREATE INDEX ls_operations_resource ON ls_operations (account, region, resource_name, seq);

CREATE TABLE resource_names (
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  name TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  PRIMARY KEY (account, region, name)
);

CREATE TABLE jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  run_at INTEGER NOT NULL,
  claimed INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX jobs_due ON jobs (claimed, run_at);
`;

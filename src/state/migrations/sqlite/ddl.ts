/**
 * A table of JSON documents keyed by (account, region, key) and ordered by an insertion sequence,
 * which keyset paging walks through an index. `extraColumns` are the lookups a family needs.
 */
export const docTable = (name: string, extraColumns: Record<string, string> = {}) => `
CREATE TABLE ${name} (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  key TEXT NOT NULL,
  doc TEXT NOT NULL${Object.entries(extraColumns).map(([c, t]) => `,\n  ${c} ${t}`).join("")}
);
CREATE UNIQUE INDEX ${name}_key ON ${name} (account, region, key);
CREATE INDEX ${name}_order ON ${name} (account, region, seq);
`;

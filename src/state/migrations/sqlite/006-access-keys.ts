/** Access keys for `--auth sigv4`: server-wide, not scoped (a key names its account). Kept across reset. */
export const sql = `
CREATE TABLE access_keys (
  access_key_id TEXT PRIMARY KEY,
  secret_access_key TEXT NOT NULL,
  account TEXT NOT NULL,
  admin INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
`;

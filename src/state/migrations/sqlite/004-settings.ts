/** Server-wide settings that outlive a restart, such as how far the admin API moved the clock. */
export const sql = `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

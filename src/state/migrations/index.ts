import * as initial from "./001-initial.js";
import * as lightsailSnapshots from "./002-lightsail-snapshots.js";

/** Numbered schema changes, applied in order and recorded in `schema_version`. Append only. */
export const migrations: { version: number; sql: string }[] = [
  { version: 1, sql: initial.sql },
  { version: 2, sql: lightsailSnapshots.sql },
];

import * as initial from "./001-initial.js";

/** Numbered schema changes, applied in order and recorded in `schema_version`. Append only. */
export const migrations: { version: number; sql: string }[] = [{ version: 1, sql: initial.sql }];

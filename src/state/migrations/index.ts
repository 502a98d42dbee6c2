import * as initial from "./001-initial.js";
import * as lightsailSnapshots from "./002-lightsail-snapshots.js";
import * as ec2 from "./003-ec2.js";
import * as settings from "./004-settings.js";
import * as indexes from "./005-indexes.js";
import * as accessKeys from "./006-access-keys.js";

/** Numbered schema changes, applied in order and recorded in `schema_version`. Append only. */
export const migrations: { version: number; sql: string }[] = [
  { version: 1, sql: initial.sql },
  { version: 2, sql: lightsailSnapshots.sql },
  { version: 3, sql: ec2.sql },
  { version: 4, sql: settings.sql },
  { version: 5, sql: indexes.sql },
  { version: 6, sql: accessKeys.sql },
];

import type { DialectMigrations } from "../index.js";
import * as initial from "./001-initial.js";
import * as lightsailSnapshots from "./002-lightsail-snapshots.js";
import * as ec2 from "./003-ec2.js";
import * as settings from "./004-settings.js";
import * as indexes from "./005-indexes.js";
import * as accessKeys from "./006-access-keys.js";

/** The SQLite dialect of every migration. */
export const sqliteMigrations: DialectMigrations = {
  "001-initial": initial.sql,
  "002-lightsail-snapshots": lightsailSnapshots.sql,
  "003-ec2": ec2.sql,
  "004-settings": settings.sql,
  "005-indexes": indexes.sql,
  "006-access-keys": accessKeys.sql,
};

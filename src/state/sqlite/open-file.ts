import { accessSync, chmodSync, closeSync, constants, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";

/** Why Skiff cannot keep its state in a data directory, naming the directory and the system's reason. */
export class StoreOpenError extends Error {
  constructor(dir: string, cause: unknown) {
    const code = (cause as { code?: string }).code;
    const reason = (cause as Error).message ?? String(cause);
    const hint =
      code === "EROFS" || code === "SQLITE_READONLY" || /read-only/i.test(reason)
        ? "it is on a read-only file system"
        : code === "EACCES" || code === "EPERM"
          ? "this user may not write there"
          : code === "ENOSPC" || code === "SQLITE_FULL"
            ? "the disk is full"
            : code === "ENOTDIR"
              ? "a part of the path is a file, not a directory"
              : undefined;
    super(`cannot keep state in the data directory ${dir}${hint ? `: ${hint}` : ""} (${reason}). Choose another with --data-dir (or --store), or run with --in-memory.`);
  }
}

const STATE_FILES = ["", "-wal", "-shm"];

/**
 * Makes the data directory (owner only) and the database file (readable by the owner only: it holds
 * access keys' secrets), and checks that both can be written, so that a bad directory is named at
 * start-up rather than reported later as SQLite's "disk I/O error".
 */
export function prepareDatabaseFile(path: string) {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    accessSync(dir, constants.W_OK);
    closeSync(openSync(path, "a", 0o600));
    // SQLite gives its -wal and -shm files the database file's mode; older files are tightened too.
    for (const suffix of STATE_FILES) if (existsSync(path + suffix)) chmodSync(path + suffix, 0o600);
  } catch (e) {
    throw new StoreOpenError(dir, e);
  }
}

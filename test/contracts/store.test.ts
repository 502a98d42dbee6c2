import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, parseStoreSpec } from "../../src/state/index.js";
import { storeContract } from "./store-contract.js";

// Each store engine and configuration, opened as `--store` names it. A PostgreSQL store adds one
// `storeContract("postgres", …)` that returns a skip reason when no test database is configured.

storeContract("sqlite on disk", async () => {
  const root = await mkdtemp(join(tmpdir(), "skiff-store-"));
  return {
    open: async () => openStore(parseStoreSpec(`sqlite:${join(root, "state", "skiff.db")}`)),
    persistent: true,
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
});

storeContract("sqlite in memory", async () => ({
  open: async () => openStore(parseStoreSpec("sqlite::memory:")),
  persistent: false,
  cleanup: async () => undefined,
}));

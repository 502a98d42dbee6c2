import assert from "node:assert/strict";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ConfigError, optionsFromCommandLine } from "../config.js";
import { startSkiff } from "../skiff.js";
import { parseStoreSpec, storeSpecOf, StoreSpecError } from "./index.js";

const CHOICES = /choose one of sqlite:<a file path, or :memory:>/;

describe("--store", () => {
  it("parses <engine>:<location>, the location keeping its colons", () => {
    assert.deepEqual(parseStoreSpec("sqlite:/var/lib/skiff/skiff.db"), { engine: "sqlite", location: "/var/lib/skiff/skiff.db" });
    assert.deepEqual(parseStoreSpec("sqlite::memory:"), { engine: "sqlite", location: ":memory:" });
  });

  it("refuses an unknown engine or a missing location, naming the choices", () => {
    assert.throws(() => parseStoreSpec("postgres://db/skiff"), (e: Error) => e instanceof StoreSpecError && /unknown store engine 'postgres'/.test(e.message) && CHOICES.test(e.message));
    assert.throws(() => parseStoreSpec("mongo"), /unknown store engine 'mongo'/);
    assert.throws(() => parseStoreSpec("sqlite:"), (e: Error) => /names no location/.test(e.message) && CHOICES.test(e.message));
    assert.throws(() => parseStoreSpec("toString:x"), /unknown store engine 'toString'/);
  });

  it("defaults to SQLite in the data directory, or in memory", () => {
    assert.deepEqual(storeSpecOf({ inMemory: false, dataDir: "/d" }), { engine: "sqlite", location: "/d/skiff.db" });
    assert.deepEqual(storeSpecOf({ inMemory: true, dataDir: "/d" }), { engine: "sqlite", location: ":memory:" });
    assert.deepEqual(storeSpecOf({ inMemory: true, dataDir: "/d", store: "sqlite:/elsewhere.db" }), { engine: "sqlite", location: "/elsewhere.db" });
    assert.throws(() => storeSpecOf({ inMemory: true, dataDir: "/d", store: { engine: "nope", location: "x" } }), /unknown store engine 'nope'/);
  });

  it("comes from the flag or SKIFF_STORE, and a bad one is a configuration error", () => {
    const store = (argv: string[], env: NodeJS.ProcessEnv = {}) => (optionsFromCommandLine(argv, env) as { store?: unknown }).store;
    assert.deepEqual(store(["--store", "sqlite::memory:"]), { engine: "sqlite", location: ":memory:" });
    assert.deepEqual(store([], { SKIFF_STORE: "sqlite:/x.db" }), { engine: "sqlite", location: "/x.db" });
    assert.deepEqual(store(["--store", "sqlite:/flag.db"], { SKIFF_STORE: "sqlite:/env.db" }), { engine: "sqlite", location: "/flag.db" });
    assert.equal(store([]), undefined);
    assert.throws(() => optionsFromCommandLine(["--store", "redis:x"], {}), (e: Error) => e instanceof ConfigError && CHOICES.test(e.message));
  });

  it("is where a started Skiff keeps its state; an unknown engine stops it at start-up", async () => {
    await assert.rejects(startSkiff({ store: "nope:somewhere" }), CHOICES);
    const dir = await mkdtemp(join(tmpdir(), "skiff-store-option-"));
    try {
      const file = join(dir, "own", "state.db");
      const skiff = await startSkiff({ store: `sqlite:${file}` });
      try {
        assert.deepEqual({ engine: skiff.store.engine, location: skiff.store.location }, { engine: "sqlite", location: file });
        assert.ok((await stat(file)).isFile());
      } finally {
        await skiff.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

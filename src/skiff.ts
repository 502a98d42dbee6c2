import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { libraryDefaults, type SkiffOptions } from "./config.js";
import { computeDrivers } from "./compute/index.js";
import { createClock, type Clock } from "./core/clock.js";
import { createLogger } from "./core/log.js";
import { createListener } from "./server/listener.js";
import { createContextFactory } from "./services/context.js";
import { storeEngines } from "./state/index.js";
import type { Store } from "./state/store.js";
import { jobHandlers } from "./worker/jobs/index.js";
import { createWorker } from "./worker/worker.js";

export interface Skiff {
  /** `http://host:port`, for an AWS client's endpoint. */
  endpoint: string;
  port: number;
  clock: Clock;
  store: Store;
  /** Resolves when the worker has no queued or running job. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const version = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

/** Builds and starts everything. Nothing is module-global: several Skiffs can share a process. */
export async function startSkiff(options: Partial<SkiffOptions> = {}): Promise<Skiff> {
  const o: SkiffOptions = { ...libraryDefaults, ...options };
  const startedAt = performance.now();
  const clock = createClock();
  const log = createLogger(o.log, clock.now);
  const makeDriver = computeDrivers[o.driver];
  if (!makeDriver) throw new Error(`unknown driver '${o.driver}'; choose one of ${Object.keys(computeDrivers).join(", ")}`);
  const driver = await makeDriver({ clock, transitionMs: o.transitionMs, dataDir: o.dataDir, log, storage: o.storage, xfsPoolGiB: o.xfsPoolGiB });
  const store = storeEngines.sqlite!(o.inMemory ? ":memory:" : join(o.dataDir, "skiff.db"));
  const worker = createWorker({ store, clock, driver, log }, jobHandlers);
  await worker.start();

  const server = createListener({
    log,
    now: clock.now,
    makeContext: createContextFactory(store, clock, worker.kick, { pageSize: o.pageSize }),
    admin: {
      clock,
      version,
      driver: driver.name,
      store: { engine: store.engine, location: store.location },
      startedAt,
      async reset() {
        await worker.stop();
        await driver.reset();
        await store.reset();
        await worker.start();
      },
    },
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = o.host.includes(":") ? `[${o.host}]` : o.host;

  return {
    endpoint: `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`,
    port,
    clock,
    store,
    idle: () => worker.idle(),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker.stop();
      await driver.close();
      await store.close();
    },
  };
}

import type { AddressInfo } from "node:net";
import { libraryDefaults, type SkiffOptions } from "./config.js";
import { driverModule } from "./compute/index.js";
import { createClock, hostNow, type Clock } from "./core/clock.js";
import type { ComputeDriver } from "./compute/driver.js";
import type { DriverModule } from "./compute/module.js";
import { createLogger, type Logger } from "./core/log.js";
import { createKeyAdmin } from "./server/auth/key-admin.js";
import { cachedKeys } from "./server/auth/key-cache.js";
import { authMode } from "./server/auth/mode.js";
import { sigv4Authenticator } from "./server/auth/sigv4.js";
import { unverifiedAuthenticator } from "./server/auth/unverified.js";
import { createListener, defaultLimits } from "./server/listener.js";
import { createContextFactory } from "./services/context.js";
import { openStore, storeSpecOf } from "./state/index.js";
import type { DiskStore } from "./storage/disk-store.js";
import { openDiskStore } from "./storage/index.js";
import { version } from "./version.js";
import type { Store } from "./state/store.js";
import { jobCatalogue } from "./worker/jobs/catalogue.js";
import { reconcileInstances } from "./worker/reconcile.js";
import { createStorage } from "./worker/storage.js";
import { createWorker } from "./worker/worker.js";

export interface Skiff {
  /** `http://host:port`, for an AWS client's endpoint. */
  endpoint: string;
  port: number;
  /** Whether requests must be signed (`--auth`). */
  auth: "off" | "sigv4";
  clock: Clock;
  store: Store;
  /** The compute driver the worker drives (tests wrap its methods to make it fail). */
  driver: ComputeDriver;
  /** The disk store opened beside the driver, when the driver's disks hold bytes (linux). */
  disks?: DiskStore;
  /** Resolves when the worker has no queued or running job. */
  idle(): Promise<void>;
  /** Stops answering, then stops the worker, the driver and the store; `reason` goes to the shutdown log line. */
  close(reason?: string): Promise<void>;
}

/** What startSkiff takes besides options: objects, not settings (tests capture the log with their own logger). */
export interface SkiffWiring {
  /** Where log lines go; default one JSON line per event on stderr (info lines unless `log` is false). */
  logger?: Logger;
}


const CLOCK_OFFSET = "clock.offsetMs";

/** Where the admin API moved the clock survives a restart, so advanced-time jobs and dates stay in order. */
async function restoreClock(store: Store): Promise<Clock> {
  const saved = await store.read((tx) => tx.settings.get(CLOCK_OFFSET));
  const clock = createClock(undefined, saved === undefined ? 0 : Number(saved));
  clock.onChange(() => void saveClock(store, clock).catch(() => undefined));
  return clock;
}

const saveClock = (store: Store, clock: Clock) => store.transaction((tx) => tx.settings.set(CLOCK_OFFSET, String(clock.offset())));

/** Builds and starts everything. Nothing is module-global: several Skiffs can share a process. */
export async function startSkiff(options: Partial<SkiffOptions> = {}, wiring: SkiffWiring = {}): Promise<Skiff> {
  const o: SkiffOptions = { ...libraryDefaults, ...options };
  const startedAt = performance.now();
  const module = driverModule(o.driver);
  module.options.check(o.driverOptions);
  const auth = authMode({ ...o, realInstances: module.realInstances });
  // What is open so far, closed in reverse if a later step fails: a failed start leaves nothing behind.
  const opened: (() => Promise<void>)[] = [];
  try {
    return await start(o, wiring, module, auth, startedAt, opened);
  } catch (e) {
    for (const close of opened.reverse()) await close().catch(() => undefined);
    throw e;
  }
}

async function start(
  o: SkiffOptions,
  wiring: SkiffWiring,
  module: DriverModule,
  auth: "off" | "sigv4",
  startedAt: number,
  opened: (() => Promise<void>)[],
): Promise<Skiff> {
  const store = openStore(storeSpecOf(o));
  opened.push(() => store.close());
  const clock = await restoreClock(store);
  const log = wiring.logger ?? createLogger(o.log, clock.now);
  const disks = module.storesDiskBytes ? await openDiskStore({ dataDir: o.dataDir, kind: o.storage, xfsPoolGiB: o.xfsPoolGiB, log }) : undefined;
  if (disks) opened.push(() => disks.close());
  const driver = await module.create({ clock, transitionMs: o.transitionMs, dataDir: o.dataDir, log, disks }, o.driverOptions);
  opened.push(() => driver.close());
  const storage = createStorage({ driver, disks, clock, log, simulatedMs: o.transitionMs });
  await reconcileInstances({ store, driver, log });
  const worker = createWorker({ store, clock, driver, storage, log }, jobCatalogue);
  await worker.start();
  opened.push(() => worker.stop());
  const images = await driver.images();
  const keys = cachedKeys(store, hostNow);
  const keyAdmin = createKeyAdmin(store, clock, keys);
  if (o.bootstrapKey) await keyAdmin.put({ ...o.bootstrapKey, admin: true });

  const server = createListener({
    log,
    now: clock.now,
    authenticator: auth === "sigv4" ? sigv4Authenticator(keys, hostNow) : unverifiedAuthenticator,
    makeContext: createContextFactory(store, clock, worker.kick, { pageSize: o.pageSize, images }),
    admin: {
      clock,
      version,
      driver: driver.name,
      store: { engine: store.engine, location: store.location },
      startedAt,
      async reset() {
        // The driver and the storage interrupt what they are doing, so the worker need not wait for them.
        storage.interrupt("Skiff was reset");
        await Promise.all([worker.stop(), driver.reset()]);
        await store.reset();
        await saveClock(store, clock);
        await worker.start();
      },
      idle: () => worker.idle(),
      keys: keyAdmin,
    },
  }, { ...defaultLimits, ...o.limits });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => resolve());
  });
  opened.length = 0;
  const { port } = server.address() as AddressInfo;
  const host = o.host.includes(":") ? `[${o.host}]` : o.host;
  const endpoint = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
  log.info("listening", {
    endpoint,
    version,
    driver: driver.name,
    store: { engine: store.engine, location: store.location },
    auth,
    ms: +(performance.now() - startedAt).toFixed(1),
  });
  let closing: Promise<void> | undefined;

  return {
    endpoint,
    port,
    auth,
    clock,
    store,
    driver,
    disks,
    idle: () => worker.idle(),
    close(reason = "closed by its owner") {
      // A second close (a signal during close) waits for the first rather than closing twice.
      closing ??= (async () => {
        log.info("shutdown", { endpoint, reason });
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        storage.interrupt("Skiff was closed");
        await Promise.all([worker.stop(), driver.close()]);
        await disks?.close();
        await store.close();
      })();
      return closing;
    },
  };
}

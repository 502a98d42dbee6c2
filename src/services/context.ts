import type { Clock } from "../core/clock.js";
import type { Scope } from "../core/scope.js";
import type { Store, Tx } from "../state/store.js";

/** What a handler gets besides its typed input. No HTTP, no driver. */
export interface RequestContext extends Scope {
  requestId: string;
  clock: Clock;
  /** Runs fn in one transaction, then wakes the worker if it enqueued a job. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Reads without writing: no transaction to commit, no worker to wake. */
  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  settings: ServiceSettings;
}

export interface ServiceSettings {
  /** Items per page of Lightsail list calls. */
  pageSize: number;
  /**
   * Blueprint ids (Lightsail blueprints, and the base images of EC2 AMIs) that the compute driver
   * has a local image of, read once at startup; undefined when any will do (sim).
   */
  images?: readonly string[];
}

export type Handler<I = any, O = any> = (ctx: RequestContext, input: I) => Promise<O>;

/**
 * The operations a service implements, by name. Names are the official model's (`Name`), so a
 * misspelt or retired operation fails to compile; one left out answers NotImplemented.
 */
export type OperationTable<Name extends string> = { readonly [N in Name]?: Handler };

export function createContextFactory(store: Store, clock: Clock, kick: () => void, settings: ServiceSettings) {
  return (scope: Scope, requestId: string): RequestContext => ({
    ...scope,
    requestId,
    clock,
    settings,
    read: (fn) => store.read(fn),
    async transaction(fn) {
      let enqueued = false;
      const result = await store.transaction((tx) => fn(watchingEnqueue(tx, () => (enqueued = true))));
      // Waking the worker costs it a transaction of its own: only when there is something new for it.
      if (enqueued) kick();
      return result;
    },
  });
}

/** The same transaction, telling `enqueued` when a job is enqueued in it. */
function watchingEnqueue(tx: Tx, enqueued: () => void): Tx {
  return {
    ...tx,
    jobs: {
      ...tx.jobs,
      enqueue(...args) {
        enqueued();
        return tx.jobs.enqueue(...args);
      },
    },
  };
}

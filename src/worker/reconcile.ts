import type { ComputeDriver } from "../compute/driver.js";
import type { Logger } from "../core/log.js";
import type { Scope } from "../core/scope.js";
import type { Ec2InstanceRecord } from "../state/ec2-records.js";
import type { InstanceRecord, InstanceStateName } from "../state/records.js";
import type { ResourceRepository, Store, Tx } from "../state/store.js";

/** One family of instance records: where they are, the driver's id and the record's key, and the record once stopped. */
interface Family<R extends { state: InstanceStateName }> {
  repository(tx: Tx): ResourceRepository<R>;
  computeId(r: R): string;
  key(r: R): string;
  stopped(r: R): R;
}

const families = [
  { repository: (tx) => tx.instances, computeId: (r) => r.computeId, key: (r) => r.name, stopped: (r) => ({ ...r, state: "stopped" }) },
  {
    repository: (tx) => tx.ec2Instances, computeId: (r) => r.instanceId, key: (r) => r.instanceId,
    stopped: (r) => ({ ...r, state: "stopped", publicIpAddress: undefined }),
  },
] as const satisfies readonly [Family<InstanceRecord>, Family<Ec2InstanceRecord>];

async function reconcile<R extends { state: InstanceStateName }>(store: Store, driver: ComputeDriver, log: Logger, family: Family<R>) {
  const running = await store.read(async (tx) => {
    const found: { scope: Scope; record: R }[] = [];
    for (const scope of await family.repository(tx).scopes()) {
      for await (const { record } of family.repository(tx).scan(scope)) if (record.state === "running") found.push({ scope, record });
    }
    return found;
  });
  for (const { scope, record } of running) {
    const status = await driver.status(family.computeId(record));
    if (status === "running") continue;
    log.info("reconcile.stopped", { instance: family.key(record), driver: status });
    await store.transaction(async (tx) => {
      const now = await family.repository(tx).get(scope, family.key(record));
      if (now?.state === "running" && family.computeId(now) === family.computeId(record)) await family.repository(tx).update(scope, family.stopped(now));
    });
  }
}

/**
 * At startup, with a driver whose instances are real: an instance the database has running but
 * whose machine no longer runs (the host rebooted, or it died with Skiff) is recorded stopped, as
 * it truly is. Instances in the middle of a change are left to their resumed jobs.
 */
export async function reconcileInstances({ store, driver, log }: { store: Store; driver: ComputeDriver; log: Logger }) {
  if (!driver.info().realInstances) return;
  await reconcile(store, driver, log, families[0]);
  await reconcile(store, driver, log, families[1]);
}

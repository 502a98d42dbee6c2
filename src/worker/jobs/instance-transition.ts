import type { InstanceSpec } from "../../compute/driver.js";
import { findBlueprint } from "../../catalog/blueprints.js";
import { findBundle } from "../../catalog/bundles.js";
import type { Scope } from "../../core/scope.js";
import type { InstanceRecord, InstanceStateName } from "../../state/records.js";
import { assignedAddresses } from "../devices.js";
import { jobScope, type JobEnv, type JobHandler } from "../job.js";
import { finishOperations } from "../operations.js";
import { portRules } from "./ports.js";

export interface InstanceJobPayload {
  name: string;
  computeId: string;
  operationIds: string[];
}

export interface InstanceStopPayload extends InstanceJobPayload {
  force: boolean;
}

/**
 * What a new instance's machine is made of besides its record (blueprint, bundle, user data): the
 * key pair's public key as it was when the instance was asked for.
 */
export interface InstanceCreatePayload extends InstanceJobPayload {
  publicKey?: string;
}

/** What an instance job did to the record besides its state (e.g. the addresses the driver gave it). */
export type InstancePatch = Partial<Pick<InstanceRecord, "privateIpAddress" | "publicIpAddress">> | undefined | void;

export type InstanceAct<P extends InstanceJobPayload> = (payload: P, env: JobEnv, record: InstanceRecord, scope: Scope) => Promise<InstancePatch>;

/**
 * A job that asks the driver for one change of an instance and then moves it from `from` to `to`
 * and ends its Operations. If the instance was moved on meanwhile, only the Operations end. If it
 * was deleted before the job began, the driver is not asked at all; if it was deleted while the
 * driver worked, the machine the driver just made or started is destroyed too, so that a create
 * or start finishing after the delete's own destroy leaves nothing behind. When the driver fails
 * for good, the Operations end Failed and an instance still in `from` settles in `settle` (a
 * create or start that failed leaves it `stopped`, not `pending` for ever; it can be started again
 * or deleted).
 */
export function instanceTransition<P extends InstanceJobPayload>(
  from: InstanceStateName, to: InstanceStateName, act: InstanceAct<P>, settle: InstanceStateName = from,
): JobHandler<P> {
  return {
    async run(job, env, finish) {
      const payload = job.payload;
      const scope = jobScope(job);
      const current = () => currentInstance(env, scope, payload.name, payload.computeId);
      const record = await current();
      let patch: InstancePatch;
      if (record) {
        patch = await act(payload, env, record, scope);
        if (!(await current())) await env.driver.destroy(payload.computeId);
      }
      await finish(async (tx) => {
        const record = await tx.instances.get(scope, payload.name);
        if (record && record.computeId === payload.computeId && (record.state === from || patch)) {
          await tx.instances.update(scope, { ...record, ...patch, state: record.state === from ? to : record.state });
        }
        await finishOperations(tx, scope, payload.operationIds, env.clock.now());
      });
    },
    async fail(job, env, error, finish) {
      const payload = job.payload;
      const scope = jobScope(job);
      await finish(async (tx) => {
        const record = await tx.instances.get(scope, payload.name);
        if (record && record.computeId === payload.computeId && record.state === from && settle !== from) {
          await tx.instances.update(scope, { ...record, state: settle });
        }
        await finishOperations(tx, scope, payload.operationIds, env.clock.now(), { code: "InternalError", details: error.message });
      });
    },
  };
}

/** The instance record, if it is still the machine `computeId` (not deleted, not replaced by a new instance of the same name). */
export async function currentInstance(env: JobEnv, scope: Scope, name: string, computeId: string): Promise<InstanceRecord | undefined> {
  const record = await env.store.read((tx) => tx.instances.get(scope, name));
  return record?.computeId === computeId ? record : undefined;
}

/** The instance's real addresses once it runs (drivers that assign them), for the record. */
export const bootedAddresses = (env: JobEnv, record: InstanceRecord) => assignedAddresses(env.driver, record.computeId, record.publicIpAddress !== undefined);

/**
 * Creates the machine with the public ports the record has now, then applies them again if they
 * changed while it was being created (a port job that ran meanwhile found no machine to change).
 */
/**
 * The driver's spec of a Lightsail instance's machine, built when the job runs from the record
 * (blueprint, bundle, user data) and the payload's public key. A blueprint or bundle the catalogue
 * no longer has is an error of the job, not a crash.
 */
export function instanceSpec(record: InstanceRecord, publicKey: string | undefined): InstanceSpec {
  const blueprint = findBlueprint(record.blueprintId);
  const bundle = findBundle(record.bundleId);
  if (!blueprint) throw new Error(`unknown blueprint ${record.blueprintId}`);
  if (!bundle) throw new Error(`unknown bundle ${record.bundleId}`);
  return {
    id: record.computeId, hostname: record.name, image: blueprint.blueprintId, cpuCount: bundle.cpuCount, memoryMiB: bundle.ramSizeInGb * 1024,
    systemDiskGiB: bundle.diskSizeInGb, userData: record.userData, username: blueprint.username, publicKey,
  };
}

export async function createMachine(env: JobEnv, scope: Scope, name: string, spec: InstanceSpec, record: InstanceRecord): Promise<InstancePatch> {
  const ports = portRules(record.ports);
  await env.driver.create({ ...spec, ports });
  const latest = await env.store.read((tx) => tx.instances.get(scope, name));
  if (latest && latest.computeId === record.computeId && JSON.stringify(portRules(latest.ports)) !== JSON.stringify(ports)) {
    await env.driver.setPublicPorts(record.computeId, portRules(latest.ports));
  }
  return bootedAddresses(env, record);
}

import {
  CreateDiskCommand,
  CreateInstancesCommand,
  GetOperationCommand,
  StartInstanceCommand,
  StopInstanceCommand,
  type CreateInstancesRequest,
  type Operation,
} from "@aws-sdk/client-lightsail";
import assert from "node:assert/strict";
import { DEFAULT_ACCOUNT, type Scope } from "../../src/core/scope.js";
import type { InstanceStateName } from "../../src/state/records.js";
import type { TestSkiff } from "./skiff.js";

/** Members of an Operation to check; values are loose, as Skiff (like Lightsail) answers types outside the SDK enum (TagResource). */
type Expected = { [K in keyof Operation]?: unknown };

/** Checks the members of an operation that `expected` names (one deepEqual over just those) and returns it. */
export function assertOperation(op: Operation | undefined, expected: Expected): Operation {
  assert.ok(op, "no operation in the answer");
  assert.deepEqual(Object.fromEntries(Object.keys(expected).map((k) => [k, op[k as keyof Operation]])), expected);
  return op;
}

/** The one operation of an answer, checked as assertOperation does. */
export function onlyOperation(operations: Operation[] | undefined, expected: Expected): Operation {
  assert.equal(operations?.length, 1, `${operations?.length ?? "no"} operations, not one`);
  return assertOperation(operations![0], expected);
}

export const US_EAST_1: Scope = { account: DEFAULT_ACCOUNT, region: "us-east-1" };

/** Creates instances (amazon_linux_2023 on nano_3_0 in us-east-1a unless told) and waits until they run. */
export async function runningInstances(t: TestSkiff, names: string[], extra: Partial<CreateInstancesRequest> = {}) {
  await t.lightsail.send(
    new CreateInstancesCommand({ availabilityZone: "us-east-1a", blueprintId: "amazon_linux_2023", bundleId: "nano_3_0", instanceNames: names, ...extra }),
  );
  await t.skiff.idle();
}

export async function availableDisk(t: TestSkiff, diskName: string, sizeInGb = 8, availabilityZone = "us-east-1a") {
  await t.lightsail.send(new CreateDiskCommand({ diskName, sizeInGb, availabilityZone }));
  await t.skiff.idle();
}

/** Stops or starts an instance through StopInstance/StartInstance and waits for the worker. */
export async function setInstanceState(t: TestSkiff, name: string, state: "running" | "stopped") {
  await t.lightsail.send(state === "stopped" ? new StopInstanceCommand({ instanceName: name }) : new StartInstanceCommand({ instanceName: name }));
  await t.skiff.idle();
}

/**
 * Holds an instance in a transitional state by writing it into the store: with `transitionMs: 0`
 * the sim leaves `stopping` at once, so no API call can hold it there for a test of what that
 * state refuses.
 */
export async function holdTransitionalState(t: TestSkiff, name: string, state: InstanceStateName, scope: Scope = US_EAST_1) {
  await t.skiff.store.transaction(async (tx) => {
    const instance = await tx.instances.get(scope, name);
    if (!instance) throw new Error(`no instance ${name}`);
    await tx.instances.update(scope, { ...instance, state });
  });
}

/** POST /_skiff/clock with { set }. */
export async function setClock(t: TestSkiff, iso: string) {
  const r = await t.admin("/_skiff/clock", { method: "POST", body: JSON.stringify({ set: iso }) });
  if (r.status !== 200) throw new Error(`clock set answered ${r.status}: ${await r.text()}`);
}

/** An Operation, through GetOperation. */
export async function storedOperation(t: TestSkiff, id: string) {
  const { operation } = await t.lightsail.send(new GetOperationCommand({ operationId: id }));
  if (!operation) throw new Error(`no operation ${id}`);
  return operation;
}

/** Moves the clock by `step` until `done` holds: for work whose start time the test cannot know exactly. */
export async function advanceUntil(t: TestSkiff, step: string, done: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 20; i++) {
    if (await done()) return;
    await t.advance(step);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`gave up waiting for ${what}`);
}

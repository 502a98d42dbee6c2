import assert from "node:assert/strict";
import { CreateInstancesCommand, GetInstanceStateCommand, type CreateInstancesRequest } from "@aws-sdk/client-lightsail";
import type { TestSkiff } from "./skiff.js";

export const base = { availabilityZone: "us-east-1a", blueprintId: "amazon_linux_2023", bundleId: "nano_3_0" };

/** The default account in us-east-1, for reading the store directly. */
export const defaultScope = { account: "000000000000", region: "us-east-1" };

/**
 * Lets one sim transition finish: with `transitionMs: 60_000` the driver sleeps a minute of Clock
 * time, so moving the clock by a minute wakes it; then waits for the worker to record the result.
 * Without transition time it just waits for the worker.
 */
export async function settle(t: TestSkiff, transition = "1m") {
  await t.advance(transition);
  await t.skiff.idle();
}

/** Creates an instance and lets its create finish, so that it is running. */
export async function runningInstance(t: TestSkiff, name: string, extra: Partial<CreateInstancesRequest> = {}) {
  await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: [name], ...extra }));
  await settle(t);
  assert.equal(await stateOf(t, name), "running");
}

export async function stateOf(t: TestSkiff, name: string, client = t.lightsail) {
  const { state } = await client.send(new GetInstanceStateCommand({ instanceName: name }));
  return state?.name;
}

export { storedOperation } from "./lightsail.js";

import { operations, type FuzzOperation } from "./catalog.js";
import { lightsailRequestFor } from "./json-families.js";
import { fiftyMegabytes, listenerRequest } from "./listener-families.js";
import { Rng } from "./prng.js";
import { ec2RequestFor } from "./query-families.js";
import type { FuzzRequest } from "./request.js";

const requestFor = (rng: Rng, op: FuzzOperation, family?: string) =>
  op.service === "lightsail" ? lightsailRequestFor(rng, op, family) : ec2RequestFor(rng, op, family);

/** Requests every campaign starts with, whatever its length. */
const SPECIALS: ((rng: Rng) => FuzzRequest)[] = [
  fiftyMegabytes,
  (rng) => listenerRequest(rng, "bodySize"),
  (rng) => lightsailRequestFor(rng, operations.find((op) => op.name === "CreateInstances")!, "deepBody"),
  (rng) => lightsailRequestFor(rng, operations.find((op) => op.name === "CreateInstancesFromSnapshot")!, "unknownMembers"),
];

/**
 * The layout of every campaign: the special requests, then one valid-looking request for every
 * operation of both services (implemented or not), then one request of a random family for every
 * operation, then random requests.
 */
export const layout = {
  specials: SPECIALS.length,
  validSweep: SPECIALS.length,
  familySweep: SPECIALS.length + operations.length,
  random: SPECIALS.length + 2 * operations.length,
};

function pickOperation(rng: Rng, service: FuzzOperation["service"]): FuzzOperation {
  const own = operations.filter((op) => op.service === service);
  const implemented = own.filter((op) => op.implemented);
  return rng.chance(0.7) ? rng.pick(implemented) : rng.pick(own);
}

/** Request `index` of campaign `seed`: the same bytes every time, whatever ran before. */
export function requestAt(seed: number, index: number): FuzzRequest {
  const rng = Rng.of(seed, index);
  if (index < layout.validSweep) return SPECIALS[index]!(rng);
  if (index < layout.familySweep) return requestFor(rng, operations[index - layout.validSweep]!, "valid");
  if (index < layout.random) return requestFor(rng, operations[index - layout.familySweep]!);
  const area = rng.weighted([["lightsail", 45], ["ec2", 35], ["listener", 20]] as const);
  return area === "listener" ? listenerRequest(rng) : requestFor(rng, pickOperation(rng, area));
}

import type { ServiceModel, ShapeRef } from "../../src/protocol/model.js";
import { JsonObject, type Json } from "./json-value.js";
import { plausibleEpochSeconds, plausibleNumber, plausibleString } from "./plausible.js";
import type { Rng } from "./prng.js";

/** A place in a generated body that a mutation may replace: `parent[key]`, of shape `ref`. */
export interface ValueSlot {
  parent: JsonObject | Json[];
  key: string | number;
  ref: ShapeRef;
  member: string;
}

/** A structure in the body, with its shape (for required and unknown members). */
export interface StructureSlot {
  value: JsonObject;
  shape: string;
}

export interface BuiltJson {
  body: JsonObject;
  values: ValueSlot[];
  structures: StructureSlot[];
}

const MAX_DEPTH = 6;

/**
 * A valid-looking awsJson1_1 input for a shape: every required member and some optional ones, with
 * plausible values, and every place noted for mutations.
 */
export function buildJsonInput(rng: Rng, model: ServiceModel, shapeName: string): BuiltJson {
  const built: BuiltJson = { body: new JsonObject(), values: [], structures: [] };

  function structure(name: string, depth: number): JsonObject {
    const shape = model.shapes[name];
    const obj = new JsonObject();
    if (!shape) return obj;
    built.structures.push({ value: obj, shape: name });
    for (const [member, ref] of Object.entries(shape.members)) {
      const required = shape.required.includes(member);
      if (!required && (depth >= MAX_DEPTH || !rng.chance(0.4))) continue;
      obj.entries.push([member, null]);
      put(obj, member, ref, member, depth);
    }
    return obj;
  }

  function put(parent: JsonObject | Json[], key: string | number, ref: ShapeRef, member: string, depth: number) {
    const v = value(ref, member, depth);
    if (parent instanceof JsonObject) parent.set(key as string, v);
    else parent[key as number] = v;
    built.values.push({ parent, key, ref, member });
  }

  function value(ref: ShapeRef, member: string, depth: number): Json {
    switch (ref.k) {
      case "s": {
        const allowed = ref.e ? model.enums[ref.e] : undefined;
        return allowed && allowed.length > 0 && rng.chance(0.9) ? rng.pick(allowed) : plausibleString(rng, member);
      }
      case "n":
        return plausibleNumber(rng, member);
      case "b":
        return rng.chance(0.5);
      case "t":
        return plausibleEpochSeconds(rng);
      case "blob":
        return rng.pick(["", "aGVsbG8=", "AAAA"]);
      case "doc":
        return new JsonObject([["a", 1]]);
      case "l": {
        const list: Json[] = [];
        const n = depth >= MAX_DEPTH ? 0 : rng.int(0, 3) || 1;
        for (let i = 0; i < n; i++) {
          list.push(null);
          put(list, i, ref.m, member, depth + 1);
        }
        return list;
      }
      case "m": {
        const map = new JsonObject();
        const n = depth >= MAX_DEPTH ? 0 : rng.int(0, 3);
        for (let i = 0; i < n; i++) {
          const key = plausibleString(rng, member) || `k${i}`;
          map.set(key, null);
          put(map, key, ref.v, member, depth + 1);
        }
        return map;
      }
      case "r":
        return structure(ref.n, depth + 1);
    }
  }

  const shape = model.shapes[shapeName];
  if (shape) built.body = structure(shapeName, 0);
  return built;
}

import { serializationError } from "../../core/errors.js";
import { structure, type ServiceModel, type ShapeRef } from "../model.js";
import { checkJsonBudget } from "./json-budget.js";

/** What a service says about input that is well-formed JSON but breaks the model's rules. */
export interface InputRules {
  missing(path: string): Error;
  notInEnum(path: string, value: string, allowed: string[]): Error;
}

const typeName = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/**
 * The start of a value for an error message, read no deeper and no further than it shows: a value
 * nested thousands deep overflowed JSON.stringify's stack (a 500), and a 4 MB one was copied whole.
 */
function preview(v: unknown, room = 60, depth = 0): string {
  if (typeof v === "string") return JSON.stringify(v.slice(0, room));
  if (typeof v !== "object" || v === null) return String(v);
  if (depth >= 2) return Array.isArray(v) ? "[…]" : "{…}";
  const parts: string[] = [];
  let used = 2;
  const each = Array.isArray(v) ? v.entries() : Object.entries(v as Record<string, unknown>).values();
  for (const [k, item] of each) {
    if (used >= room) {
      parts.push("…");
      break;
    }
    const piece = Array.isArray(v) ? preview(item, room - used, depth + 1) : `${JSON.stringify(String(k).slice(0, room))}:${preview(item, room - used, depth + 1)}`;
    parts.push(piece);
    used += piece.length + 1;
  }
  return Array.isArray(v) ? `[${parts.join(",")}]` : `{${parts.join(",")}}`;
}

/**
 * Parses an awsJson1_1 request body and checks it against the operation's input shape:
 * JSON types (SerializationException), required members and enum values (the service's own error).
 * Unknown members are ignored, as AWS does. Timestamps become Dates.
 */
export function decodeJsonInput(model: ServiceModel, shapeName: string, body: string, rules: InputRules): Record<string, unknown> {
  let parsed: unknown;
  if (body.trim() === "") parsed = {};
  else {
    checkJsonBudget(body);
    try {
      parsed = JSON.parse(body);
    } catch (e) {
      throw serializationError(`The request body is not valid JSON: ${(e as Error).message}`);
    }
  }
  if (typeName(parsed) !== "object") throw serializationError(`The request body must be a JSON object, not ${typeName(parsed)}.`);
  return decodeStructure(model, shapeName, parsed as Record<string, unknown>, "", rules);
}

function decodeStructure(model: ServiceModel, name: string, value: Record<string, unknown>, path: string, rules: InputRules) {
  const shape = structure(model, name);
  const out: Record<string, unknown> = {};
  for (const [member, ref] of Object.entries(shape.members)) {
    const v = value[member];
    if (v === undefined || v === null) continue;
    out[member] = decodeValue(model, ref, v, path ? `${path}.${member}` : member, rules);
  }
  for (const member of shape.required) {
    if (out[member] === undefined) throw rules.missing(path ? `${path}.${member}` : member);
  }
  return out;
}

function decodeValue(model: ServiceModel, ref: ShapeRef, v: unknown, path: string, rules: InputRules): unknown {
  const wrong = (expected: string) =>
    serializationError(`Member '${path}' must be ${expected}, but the request has ${typeName(v)} ${preview(v).slice(0, 60)}.`);
  switch (ref.k) {
    case "s":
      if (typeof v !== "string") throw wrong("a string");
      if (ref.e) {
        const allowed = model.enums[ref.e] ?? [];
        if (!allowed.includes(v)) throw rules.notInEnum(path, v, allowed);
      }
      return v;
    case "blob":
      if (typeof v !== "string") throw wrong("a base64 string");
      return v;
    case "n":
      if (typeof v !== "number" || !Number.isFinite(v)) throw wrong("a number");
      return v;
    case "b":
      if (typeof v !== "boolean") throw wrong("a boolean");
      return v;
    case "t":
      if (typeof v === "number") return new Date(v * 1000);
      if (typeof v === "string" && !Number.isNaN(Date.parse(v))) return new Date(v);
      throw wrong("a timestamp (epoch seconds)");
    case "doc":
      return v;
    case "l":
      if (!Array.isArray(v)) throw wrong("a list");
      return v.map((item, i) => {
        if (item === null) throw wrong("a list without null entries");
        return decodeValue(model, ref.m, item, `${path}[${i}]`, rules);
      });
    case "m": {
      if (typeName(v) !== "object") throw wrong("a map");
      // Map keys are the client's: `__proto__` or `constructor` is a key like any other, never the prototype.
      const out: Record<string, unknown> = Object.create(null);
      for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
        if (item !== null) out[key] = decodeValue(model, ref.v, item, `${path}.${key}`, rules);
      }
      return out;
    }
    case "r":
      if (typeName(v) !== "object") throw wrong("a structure");
      return decodeStructure(model, ref.n, v as Record<string, unknown>, path, rules);
  }
}

import { structure, type ServiceModel, type ShapeRef } from "../model.js";

/**
 * Turns a handler's typed output into the awsJson1_1 body: only members the model knows, no
 * undefined members, timestamps as epoch seconds with a millisecond fraction.
 */
export function encodeJsonOutput(model: ServiceModel, shapeName: string, output: object): string {
  return JSON.stringify(encodeStructure(model, shapeName, output as Record<string, unknown>));
}

function encodeStructure(model: ServiceModel, name: string, value: Record<string, unknown>) {
  const shape = structure(model, name);
  const out: Record<string, unknown> = {};
  for (const [member, ref] of Object.entries(shape.members)) {
    const v = value[member];
    if (v !== undefined && v !== null) out[member] = encodeValue(model, ref, v);
  }
  return out;
}

function encodeValue(model: ServiceModel, ref: ShapeRef, v: unknown): unknown {
  switch (ref.k) {
    case "t":
      return v instanceof Date ? v.getTime() / 1000 : v;
    case "l":
      return (v as unknown[]).map((item) => encodeValue(model, ref.m, item));
    case "m":
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, item]) => [k, encodeValue(model, ref.v, item)]));
    case "r":
      return encodeStructure(model, ref.n, v as Record<string, unknown>);
    default:
      return v;
  }
}

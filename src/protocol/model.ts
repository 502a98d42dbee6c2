/**
 * Wire names a protocol reads from the model's member traits: EC2's `ec2QueryName` (q), the XML
 * name (x) and XML flattening (f). Absent where the model has none (Lightsail).
 */
export interface WireNames {
  q?: string;
  x?: string;
  f?: true;
}

/** A service model reduced from the official Smithy schema shipped with the AWS SDK v3 (see scripts/gen-models.mjs). */
export type ShapeRef = (
  | { k: "s"; e?: string }
  | { k: "n" }
  | { k: "b" }
  | { k: "t" }
  | { k: "blob" }
  | { k: "doc" }
  | { k: "l"; m: ShapeRef }
  | { k: "m"; v: ShapeRef }
  | { k: "r"; n: string }
) &
  WireNames;

export interface StructureShape {
  members: Record<string, ShapeRef>;
  required: string[];
  error?: { fault: string; status?: number };
}

export interface ServiceModel {
  sdkPackage: string;
  sdkVersion: string;
  /** `output` is absent for operations that return nothing (Smithy `Unit`). */
  operations: Record<string, { input: string; output?: string }>;
  shapes: Record<string, StructureShape>;
  enums: Record<string, string[]>;
}

export function structure(model: ServiceModel, name: string): StructureShape {
  const shape = model.shapes[name];
  if (!shape) throw new Error(`shape ${name} is not in the ${model.sdkPackage} model`);
  return shape;
}

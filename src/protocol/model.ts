/** A service model reduced from the official Smithy schema shipped with the AWS SDK v3 (see scripts/gen-models.mjs). */
export type ShapeRef =
  | { k: "s"; e?: string }
  | { k: "n" }
  | { k: "b" }
  | { k: "t" }
  | { k: "blob" }
  | { k: "doc" }
  | { k: "l"; m: ShapeRef }
  | { k: "m"; v: ShapeRef }
  | { k: "r"; n: string };

export interface StructureShape {
  members: Record<string, ShapeRef>;
  required: string[];
  error?: { fault: string; status?: number };
}

export interface ServiceModel {
  sdkPackage: string;
  sdkVersion: string;
  operations: Record<string, { input: string; output: string }>;
  shapes: Record<string, StructureShape>;
  enums: Record<string, string[]>;
}

export function structure(model: ServiceModel, name: string): StructureShape {
  const shape = model.shapes[name];
  if (!shape) throw new Error(`shape ${name} is not in the ${model.sdkPackage} model`);
  return shape;
}

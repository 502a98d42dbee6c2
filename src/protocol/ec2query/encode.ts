import { structure, type ServiceModel, type ShapeRef } from "../model.js";
import { escapeXml } from "./xml.js";

export const XML_DECLARATION = `<?xml version="1.0" encoding="UTF-8"?>\n`;

/** What a response is written from: the output of `action`, shaped by `outputShape` of the model. */
type QueryOutput = [
  model: ServiceModel,
  action: string,
  outputShape: string | undefined,
  output: object | undefined,
  requestId: string,
  xmlNamespace: string,
];

/**
 * Writes an EC2 query response: `<{Action}Response xmlns=…>` with `requestId` first, then the output
 * members under their model XML names. Lists are wrapped in the member's element with one child per
 * item, named by the list member's XML name (`item` throughout EC2). Operations without an output
 * shape answer `<return>true</return>`, as EC2 does.
 */
export function encodeQueryOutput(...response: QueryOutput): string {
  return encodeQueryChunks(...response).join("");
}

/**
 * The same response in pieces that join into it, each item of a top-level list on its own: Node
 * turns many small strings into bytes much faster than one large one (see awsjson11/encode.ts).
 */
export function encodeQueryChunks(...[model, action, outputShape, output, requestId, xmlNamespace]: QueryOutput): string[] {
  const chunks = [`${XML_DECLARATION}<${action}Response xmlns="${escapeXml(xmlNamespace)}"><requestId>${escapeXml(requestId)}</requestId>`];
  if (!outputShape) chunks.push("<return>true</return>");
  else {
    const value = (output ?? {}) as Record<string, unknown>;
    for (const [member, ref] of Object.entries(structure(model, outputShape).members)) {
      const v = value[member];
      if (v === undefined || v === null) continue;
      const tag = ref.x ?? member;
      if (ref.k !== "l" || (v as unknown[]).length < 2) {
        chunks.push(elementWriter(model, ref, tag)(v));
        continue;
      }
      const item = elementWriter(model, ref.m, ref.f ? tag : (ref.m.x ?? "member"));
      if (!ref.f) chunks.push(`<${tag}>`);
      for (const x of v as unknown[]) chunks.push(item(x));
      if (!ref.f) chunks.push(`</${tag}>`);
    }
  }
  chunks.push(`</${action}Response>`);
  return chunks;
}

type Write = (v: unknown) => string;
type WriteStructure = (v: Record<string, unknown>) => string;

/** Writers are made once per shape and kept per model, as for awsJson1_1 (see awsjson11/encode.ts). */
const writers = new WeakMap<ServiceModel, Map<string, WriteStructure>>();

function structureWriter(model: ServiceModel, name: string): WriteStructure {
  let byShape = writers.get(model);
  if (!byShape) writers.set(model, (byShape = new Map()));
  const known = byShape.get(name);
  if (known) return known;
  const members: { name: string; write: Write }[] = [];
  const write: WriteStructure = (value) => {
    let xml = "";
    for (const m of members) {
      const v = value[m.name];
      if (v !== undefined && v !== null) xml += m.write(v);
    }
    return xml;
  };
  byShape.set(name, write); // before its members, so that a recursive shape finds itself
  for (const [member, ref] of Object.entries(structure(model, name).members)) members.push({ name: member, write: elementWriter(model, ref, ref.x ?? member) });
  return write;
}

function elementWriter(model: ServiceModel, ref: ShapeRef, tag: string): Write {
  if (ref.k === "l" && ref.f) {
    const item = elementWriter(model, ref.m, tag);
    return (v) => (v as unknown[]).map(item).join("");
  }
  const content = contentWriter(model, ref);
  const open = `<${tag}>`;
  const close = `</${tag}>`;
  return (v) => open + content(v) + close;
}

function contentWriter(model: ServiceModel, ref: ShapeRef): Write {
  switch (ref.k) {
    case "l": {
      const item = elementWriter(model, ref.m, ref.m.x ?? "member");
      return (v) => (v as unknown[]).map(item).join("");
    }
    case "m": {
      const value = elementWriter(model, ref.v, "value");
      return (v) =>
        Object.entries(v as Record<string, unknown>)
          .map(([k, item]) => `<entry><key>${escapeXml(k)}</key>${value(item)}</entry>`)
          .join("");
    }
    case "r": {
      let write: WriteStructure | undefined;
      return (v) => (write ??= structureWriter(model, ref.n))(v as Record<string, unknown>);
    }
    case "t":
      return (v) => escapeXml(v instanceof Date ? v.toISOString() : String(v));
    case "blob":
      return (v) => (v instanceof Uint8Array ? Buffer.from(v).toString("base64") : escapeXml(String(v)));
    default:
      return (v) => escapeXml(String(v));
  }
}

import { structure, type ServiceModel, type ShapeRef } from "../model.js";
import { escapeXml } from "./xml.js";

export const XML_DECLARATION = `<?xml version="1.0" encoding="UTF-8"?>\n`;

/**
 * Writes an EC2 query response: `<{Action}Response xmlns=…>` with `requestId` first, then the output
 * members under their model XML names. Lists are wrapped in the member's element with one child per
 * item, named by the list member's XML name (`item` throughout EC2). Operations without an output
 * shape answer `<return>true</return>`, as EC2 does.
 */
export function encodeQueryOutput(
  model: ServiceModel,
  action: string,
  outputShape: string | undefined,
  output: object | undefined,
  requestId: string,
  xmlNamespace: string,
): string {
  const body = outputShape ? structureBody(model, outputShape, (output ?? {}) as Record<string, unknown>) : "<return>true</return>";
  return `${XML_DECLARATION}<${action}Response xmlns="${escapeXml(xmlNamespace)}"><requestId>${escapeXml(requestId)}</requestId>${body}</${action}Response>`;
}

function structureBody(model: ServiceModel, name: string, value: Record<string, unknown>): string {
  let xml = "";
  for (const [member, ref] of Object.entries(structure(model, name).members)) {
    const v = value[member];
    if (v === undefined || v === null) continue;
    xml += element(model, ref, ref.x ?? member, v);
  }
  return xml;
}

function element(model: ServiceModel, ref: ShapeRef, tag: string, v: unknown): string {
  if (ref.k === "l" && ref.f) return (v as unknown[]).map((item) => element(model, ref.m, tag, item)).join("");
  return `<${tag}>${content(model, ref, v)}</${tag}>`;
}

function content(model: ServiceModel, ref: ShapeRef, v: unknown): string {
  switch (ref.k) {
    case "l": {
      const itemTag = ref.m.x ?? "member";
      return (v as unknown[]).map((item) => element(model, ref.m, itemTag, item)).join("");
    }
    case "m":
      return Object.entries(v as Record<string, unknown>)
        .map(([k, item]) => `<entry><key>${escapeXml(k)}</key>${element(model, ref.v, "value", item)}</entry>`)
        .join("");
    case "r":
      return structureBody(model, ref.n, v as Record<string, unknown>);
    case "t":
      return escapeXml(v instanceof Date ? v.toISOString() : String(v));
    case "blob":
      return v instanceof Uint8Array ? Buffer.from(v).toString("base64") : escapeXml(String(v));
    default:
      return escapeXml(String(v));
  }
}

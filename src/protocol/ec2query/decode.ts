import { structure, type ServiceModel, type ShapeRef } from "../model.js";

/** What a query service answers for parameters that break the model's rules. */
export interface QueryInputRules {
  missing(name: string): Error;
  unknown(name: string): Error;
  invalidValue(name: string, value: string, expected: string): Error;
}

/**
 * The request name of a structure member, as the SDKs and botocore's EC2 serializer write it: the
 * member's ec2QueryName, else its XML name with the first letter upper-cased, else the member name
 * likewise.
 */
export function queryName(member: string, ref: ShapeRef): string {
  if (ref.q !== undefined) return ref.q;
  const name = ref.x ?? member;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Parses `a=1&b=2` form or query-string text into parameters, first occurrence winning. */
export function parseQueryParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(text)) if (!params.has(k)) params.set(k, v);
  return params;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes EC2 query parameters into the operation's input shape. Lists are flattened (`Name.N`,
 * N from 1) and structures nest with dots (`TagSpecification.1.Tag.1.Key`). Every parameter must
 * be one the model knows (else `unknown`); values must have the member's type and enum (else
 * `invalidValue`); required members must be present (else `missing`), in that order of checks.
 */
export function decodeQueryInput(model: ServiceModel, shapeName: string, params: Map<string, string>, rules: QueryInputRules) {
  const used = new Set<string>();
  const missing: string[] = [];
  const keys = [...params.keys()];

  const hasPrefix = (prefix: string) => keys.some((k) => k.startsWith(prefix));

  function take(key: string): string | undefined {
    const value = params.get(key);
    if (value !== undefined) used.add(key);
    return value;
  }

  function decodeStructure(name: string, prefix: string): Record<string, unknown> {
    const shape = structure(model, name);
    const out: Record<string, unknown> = {};
    for (const [member, ref] of Object.entries(shape.members)) {
      const value = decodeMember(ref, prefix + queryName(member, ref));
      if (value !== undefined) out[member] = value;
    }
    for (const member of shape.required) {
      if (out[member] === undefined) missing.push(prefix + queryName(member, shape.members[member]!));
    }
    return out;
  }

  function indexesUnder(start: string): number[] {
    const indexes = new Set<number>();
    for (const k of keys) {
      if (!k.startsWith(start)) continue;
      const m = /^(\d+)(\.|$)/.exec(k.slice(start.length));
      if (m) indexes.add(Number(m[1]));
    }
    return [...indexes].sort((a, b) => a - b);
  }

  function decodeList(ref: ShapeRef, key: string): unknown[] | undefined {
    const indexes = indexesUnder(`${key}.`);
    if (indexes.length === 0) return undefined;
    const items: unknown[] = [];
    for (const i of indexes) {
      const item = decodeMember(ref, `${key}.${i}`);
      if (item !== undefined) items.push(item);
    }
    return items;
  }

  // Maps are not flattened: `Name.entry.N.key` / `Name.entry.N.value`, as the SDKs write them.
  function decodeMap(ref: ShapeRef, key: string): Record<string, unknown> | undefined {
    const indexes = indexesUnder(`${key}.entry.`);
    if (indexes.length === 0) return undefined;
    const out: Record<string, unknown> = {};
    for (const i of indexes) {
      const k = take(`${key}.entry.${i}.key`);
      if (k === undefined) missing.push(`${key}.entry.${i}.key`);
      else out[k] = decodeMember(ref, `${key}.entry.${i}.value`);
    }
    return out;
  }

  function decodeMember(ref: ShapeRef, key: string): unknown {
    switch (ref.k) {
      case "r":
        return hasPrefix(`${key}.`) ? decodeStructure(ref.n, `${key}.`) : undefined;
      case "l":
        return decodeList(ref.m, key);
      case "m":
        return decodeMap(ref.v, key);
      default: {
        const raw = take(key);
        return raw === undefined ? undefined : scalar(ref, key, raw);
      }
    }
  }

  function scalar(ref: ShapeRef, key: string, raw: string): unknown {
    switch (ref.k) {
      case "s":
        if (ref.e) {
          const allowed = model.enums[ref.e] ?? [];
          if (!allowed.includes(raw)) throw rules.invalidValue(key, raw, `one of ${allowed.join(", ")}`);
        }
        return raw;
      case "n":
        if (!DECIMAL.test(raw.trim()) || !Number.isFinite(Number(raw))) throw rules.invalidValue(key, raw, "a number");
        return Number(raw);
      case "b": {
        const lower = raw.toLowerCase();
        if (lower !== "true" && lower !== "false") throw rules.invalidValue(key, raw, "true or false");
        return lower === "true";
      }
      case "t": {
        const t = DECIMAL.test(raw) ? Number(raw) * 1000 : Date.parse(raw);
        if (!Number.isFinite(t)) throw rules.invalidValue(key, raw, "an ISO-8601 timestamp");
        return new Date(t);
      }
      case "blob": {
        const compact = raw.replace(/\s+/g, "");
        if (!BASE64.test(compact) || compact.length % 4 === 1) throw rules.invalidValue(key, raw.slice(0, 40), "base64 data");
        return new Uint8Array(Buffer.from(compact, "base64"));
      }
      default:
        return raw;
    }
  }

  const input = decodeStructure(shapeName, "");
  const unknown = keys.find((k) => !used.has(k));
  if (unknown !== undefined) throw rules.unknown(unknown);
  if (missing.length > 0) throw rules.missing(missing[0]!);
  return input;
}

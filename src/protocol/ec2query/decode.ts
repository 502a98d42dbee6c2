import { unescape } from "node:querystring";
import { structure, type ServiceModel, type ShapeRef } from "../model.js";

/** What a query service answers for parameters that break the model's rules. */
export interface QueryInputRules {
  missing(name: string): Error;
  unknown(name: string): Error;
  invalidValue(name: string, value: string, expected: string): Error;
  /** A list or map with more members than the service takes (`tags`: a list of Tag structures). */
  tooMany(name: string, count: number, max: number, tags: boolean): Error;
}

/** Members a list (or map) may have: AWS takes at most 50 tags per resource; no other EC2 list needs more than 1,000. */
export const MAX_TAGS = 50;
export const MAX_LIST_MEMBERS = 1000;

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

const PLUS = 0x2b;
const SPACE = 0x20;

/**
 * A form-encoded name or value: `+` is a space, `%XX` a byte, bytes UTF-8; malformed escapes stay as
 * they are, as URLSearchParams leaves them. Spaces are swapped in bytes: String.replaceAll takes
 * 200 ms for a megabyte of `+`.
 */
function decodeFormPart(part: string): string {
  let text = part;
  if (text.indexOf("+") >= 0) {
    const bytes = Buffer.from(text, "utf8");
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === PLUS) bytes[i] = SPACE;
    text = bytes.toString("utf8");
  }
  return text.indexOf("%") < 0 ? text : unescape(text);
}

/**
 * Parses `a=1&b=2` form or query-string text into parameters, first occurrence winning, in one
 * pass: URLSearchParams takes over 100 ms for a megabyte of `+`.
 */
export function parseQueryParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf("&", start);
    if (end < 0) end = text.length;
    if (end > start) {
      const eq = text.indexOf("=", start);
      const hasValue = eq >= 0 && eq < end;
      const key = decodeFormPart(text.slice(start, hasValue ? eq : end));
      if (!params.has(key)) params.set(key, hasValue ? decodeFormPart(text.slice(eq + 1, end)) : "");
    }
    start = end + 1;
  }
  return params;
}

/** The most parameters one query request may have (an EC2 request with every list at its limit has a few thousand). */
export const MAX_QUERY_PARAMS = 10_000;

/** How many parameters `a=1&b=2…` text holds, counted without parsing it. */
export function countQueryParams(text: string): number {
  if (text.length === 0) return 0;
  let count = 1;
  for (let i = text.indexOf("&"); i >= 0; i = text.indexOf("&", i + 1)) count++;
  return count;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** A list index as the SDKs write them: 1, 2, … (no sign, no leading zero, at most 9 digits). */
const INDEX = /^[1-9]\d{0,8}$/;

/** Parameters as a tree of their dotted names: `Filter.1.Value.2` is Filter → 1 → Value → 2. */
interface ParamNode {
  key: string;
  value?: string;
  children?: Map<string, ParamNode>;
  used?: true;
}

function paramTree(params: Map<string, string>): ParamNode {
  const root: ParamNode = { key: "" };
  for (const [key, value] of params) {
    let node = root;
    let start = 0;
    for (;;) {
      const dot = key.indexOf(".", start);
      const segment = dot < 0 ? key.slice(start) : key.slice(start, dot);
      node.children ??= new Map();
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = { key: dot < 0 ? key : key.slice(0, dot) }));
      node = child;
      if (dot < 0) break;
      start = dot + 1;
    }
    node.value = value;
  }
  return root;
}

/** The first parameter (in request order within its branch) that decoding did not read; no recursion, names can have any number of dots. */
function firstUnused(root: ParamNode): string | undefined {
  const stack: Iterator<ParamNode>[] = [[root][Symbol.iterator]()];
  while (stack.length > 0) {
    const next = stack[stack.length - 1]!.next();
    if (next.done) {
      stack.pop();
      continue;
    }
    const node = next.value;
    if (node.value !== undefined && !node.used) return node.key;
    if (node.children) stack.push(node.children.values());
  }
  return undefined;
}

/**
 * Decodes EC2 query parameters into the operation's input shape. Lists are flattened (`Name.N`,
 * N from 1; gaps are allowed and items keep index order) and structures nest with dots
 * (`TagSpecification.1.Tag.1.Key`). The parameters are first split into a tree of their dotted
 * names, then the model and the tree are walked together: time linear in the parameters. Every
 * parameter must be one the model knows (else `unknown`; an index that is not 1, 2, … is unknown
 * too); values must have the member's type and enum (else `invalidValue`); lists and maps are
 * bounded (`tooMany`); required members must be present (else `missing`), in that order of checks.
 */
export function decodeQueryInput(model: ServiceModel, shapeName: string, params: Map<string, string>, rules: QueryInputRules) {
  const missing: string[] = [];
  let tooMany: Error | undefined;

  function decodeStructure(name: string, node: ParamNode | undefined, prefix: string): Record<string, unknown> {
    const shape = structure(model, name);
    const out: Record<string, unknown> = {};
    for (const [member, ref] of Object.entries(shape.members)) {
      const wire = queryName(member, ref);
      const value = decodeMember(ref, node?.children?.get(wire), prefix + wire);
      if (value !== undefined) out[member] = value;
    }
    for (const member of shape.required) {
      if (out[member] === undefined) missing.push(prefix + queryName(member, shape.members[member]!));
    }
    return out;
  }

  /** The numbered children of a node, in index order. */
  function indexed(node: ParamNode | undefined, key: string, max: number, tags: boolean): [number, ParamNode][] {
    const items: [number, ParamNode][] = [];
    for (const [segment, child] of node?.children ?? []) if (INDEX.test(segment)) items.push([Number(segment), child]);
    if (items.length > max) tooMany ??= rules.tooMany(key, items.length, max, tags);
    return items.sort((a, b) => a[0] - b[0]);
  }

  function decodeList(ref: ShapeRef, node: ParamNode | undefined, key: string): unknown[] | undefined {
    const tags = ref.k === "r" && ref.n === "Tag";
    const items = indexed(node, key, tags ? MAX_TAGS : MAX_LIST_MEMBERS, tags);
    if (items.length === 0 || tooMany) return undefined;
    const out: unknown[] = [];
    for (const [i, child] of items) {
      const item = decodeMember(ref, child, `${key}.${i}`);
      if (item !== undefined) out.push(item);
    }
    return out;
  }

  // Maps are not flattened: `Name.entry.N.key` / `Name.entry.N.value`, as the SDKs write them.
  function decodeMap(ref: ShapeRef, node: ParamNode | undefined, key: string): Record<string, unknown> | undefined {
    const items = indexed(node?.children?.get("entry"), `${key}.entry`, MAX_LIST_MEMBERS, false);
    if (items.length === 0 || tooMany) return undefined;
    const out: Record<string, unknown> = Object.create(null);
    for (const [i, entry] of items) {
      const k = entry.children?.get("key");
      if (k?.value === undefined) missing.push(`${key}.entry.${i}.key`);
      else {
        k.used = true;
        out[k.value] = decodeMember(ref, entry.children?.get("value"), `${key}.entry.${i}.value`);
      }
    }
    return out;
  }

  function decodeMember(ref: ShapeRef, node: ParamNode | undefined, key: string): unknown {
    if (!node) return undefined;
    switch (ref.k) {
      case "r":
        return node.children ? decodeStructure(ref.n, node, `${key}.`) : undefined;
      case "l":
        return decodeList(ref.m, node, key);
      case "m":
        return decodeMap(ref.v, node, key);
      default:
        if (node.value === undefined) return undefined;
        node.used = true;
        return scalar(ref, key, node.value);
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

  const tree = paramTree(params);
  const input = decodeStructure(shapeName, tree, "");
  if (tooMany) throw tooMany;
  const unknown = firstUnused(tree);
  if (unknown !== undefined) throw rules.unknown(unknown);
  if (missing.length > 0) throw rules.missing(missing[0]!);
  return input;
}

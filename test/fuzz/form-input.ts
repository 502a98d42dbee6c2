import type { ServiceModel, ShapeRef } from "../../src/protocol/model.js";
import { queryName } from "../../src/protocol/ec2query/decode.js";
import { INVALID_UTF8_MARK } from "./nasty.js";
import { plausibleEpochSeconds, plausibleNumber, plausibleString } from "./plausible.js";
import type { Rng } from "./prng.js";

/** One `name=value` of an EC2 query request; an `encoded` pair is a whole piece of form text, sent as its name. */
export interface FormPair {
  name: string;
  value: string;
  /** The scalar member it carries, when it carries one of the model's. */
  ref?: ShapeRef;
  /** `name` is already form text, `=` and value included (bad escapes on purpose). */
  encoded?: boolean;
}

/** A list in the parameters: its items are `<prefix>.<N>…`, N from 1. */
export interface ListSlot {
  prefix: string;
  item: ShapeRef;
  member: string;
}

export interface BuiltForm {
  pairs: FormPair[];
  lists: ListSlot[];
  /** Each required member's parameter prefix (every pair under it goes when it is left out). */
  required: string[];
}

const MAX_DEPTH = 5;

/** A valid-looking EC2 query input: required members and some optional ones, flattened as the SDKs write them. */
export function buildFormInput(rng: Rng, model: ServiceModel, shapeName: string): BuiltForm {
  const built: BuiltForm = { pairs: [], lists: [], required: [] };

  function structure(name: string, prefix: string, depth: number) {
    const shape = model.shapes[name];
    if (!shape) return;
    for (const [member, ref] of Object.entries(shape.members)) {
      const required = shape.required.includes(member);
      if (!required && (depth >= MAX_DEPTH || !rng.chance(0.4))) continue;
      const key = prefix + queryName(member, ref);
      if (required) built.required.push(key);
      value(ref, key, member, depth);
    }
  }

  function value(ref: ShapeRef, key: string, member: string, depth: number) {
    switch (ref.k) {
      case "r":
        return structure(ref.n, `${key}.`, depth + 1);
      case "l": {
        built.lists.push({ prefix: key, item: ref.m, member });
        const n = rng.int(1, 3);
        for (let i = 1; i <= n; i++) value(ref.m, `${key}.${i}`, member, depth + 1);
        return;
      }
      case "m": {
        const n = rng.int(1, 2);
        for (let i = 1; i <= n; i++) {
          built.pairs.push({ name: `${key}.entry.${i}.key`, value: plausibleString(rng, member) || `k${i}` });
          value(ref.v, `${key}.entry.${i}.value`, member, depth + 1);
        }
        return;
      }
      default:
        built.pairs.push({ name: key, value: scalar(ref, member), ref });
    }
  }

  function scalar(ref: ShapeRef, member: string): string {
    switch (ref.k) {
      case "s": {
        const allowed = ref.e ? model.enums[ref.e] : undefined;
        return allowed && allowed.length > 0 && rng.chance(0.9) ? rng.pick(allowed) : plausibleString(rng, member);
      }
      case "n":
        return String(plausibleNumber(rng, member));
      case "b":
        return rng.pick(["true", "false"]);
      case "t":
        return new Date(plausibleEpochSeconds(rng) * 1000).toISOString();
      case "blob":
        return rng.pick(["aGVsbG8=", "AAAA"]);
      default:
        return "fz";
    }
  }

  structure(shapeName, "", 0);
  return built;
}

const BAD_ESCAPES = ["%FF", "%C0%80", "%ED%A0%80", "%E2%82"];
const BYTE_ESCAPES = Array.from({ length: 256 }, (_, b) => {
  const c = String.fromCharCode(b);
  return /[A-Za-z0-9*\-._]/.test(c) ? c : c === " " ? "+" : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
});

/** Percent-encodes the UTF-8 of text as forms do; an invalid-UTF-8 mark becomes an escape of invalid UTF-8. */
export function formEncode(text: string): string {
  return text
    .split(INVALID_UTF8_MARK)
    .map((piece) => {
      let out = "";
      for (const byte of Buffer.from(piece, "utf8")) out += BYTE_ESCAPES[byte];
      return out;
    })
    .map((piece, i) => (i === 0 ? piece : BAD_ESCAPES[(i - 1) % BAD_ESCAPES.length] + piece))
    .join("");
}

/** The form text of the pairs, in order. */
export const writeForm = (pairs: readonly FormPair[]) =>
  pairs.map((p) => (p.encoded ? p.name : `${formEncode(p.name)}=${formEncode(p.value)}`)).join("&");

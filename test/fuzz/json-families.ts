import type { ShapeRef } from "../../src/protocol/model.js";
import { LIGHTSAIL_PREFIX, models, type FuzzOperation } from "./catalog.js";
import { jsonHeaders, utf8Bytes } from "./headers.js";
import { buildJsonInput, type BuiltJson, type ValueSlot } from "./json-input.js";
import { deepJson, JsonObject, Raw, writeJson, type Json } from "./json-value.js";
import {
  hugeString, JSON_NUMBER_TEXTS, JSON_TIMESTAMP_TEXTS, longLength, NOT_A_NUMBER_JSON, PROTOTYPE_NAMES, unicodeString,
} from "./nasty.js";
import type { Rng } from "./prng.js";
import { bodyBytes, type FuzzRequest } from "./request.js";

/** A Lightsail request with this body text and target (the operation's own unless given). */
function lightsailRequest(family: string, op: FuzzOperation, body: string, target = `${LIGHTSAIL_PREFIX}.${op.name}`): FuzzRequest {
  return { family, operation: op.name, method: "POST", target: "/", headers: jsonHeaders(target), body: bodyBytes(body) };
}

const slotsOf = (built: BuiltJson, kinds: ShapeRef["k"][]) => built.values.filter((s) => kinds.includes(s.ref.k));

function replace(slot: ValueSlot, value: Json) {
  if (slot.parent instanceof JsonObject) slot.parent.set(slot.key as string, value);
  else slot.parent[slot.key as number] = value;
}

/** A slot of one of these kinds, or else a new member of the top-level structure (unknown to the model). */
function slotFor(rng: Rng, built: BuiltJson, kinds: ShapeRef["k"][]): ValueSlot {
  const slots = slotsOf(built, kinds);
  if (slots.length > 0) return rng.pick(slots);
  const kind = kinds[0]!;
  const ref: ShapeRef = kind === "l" ? { k: "l", m: { k: "s" } } : kind === "m" ? { k: "m", v: { k: "s" } } : kind === "r" ? { k: "doc" } : ({ k: kind } as ShapeRef);
  return { parent: built.body, key: rng.pick(["fuzzExtra", "extra", ""]), ref, member: "extra" };
}

/** A JSON value of another type than the slot's shape wants (null counts as absent, so it is not one). */
function wrongTypeValue(rng: Rng, ref: ShapeRef): Json {
  const byKind: Record<ShapeRef["k"], Json[]> = {
    s: [1, true, [], new JsonObject(), ["a"], new Raw("1e400")],
    n: ["1", true, [], new JsonObject(), [1]],
    b: ["true", 1, 0, [], new JsonObject()],
    t: [true, [], new JsonObject(), "not a time"],
    blob: [1, true, [], new JsonObject()],
    doc: [],
    l: ["a", 1, true, new JsonObject([["0", "a"]])],
    m: ["a", 1, [], [["k", "v"]]],
    r: ["a", 1, true, [], [new JsonObject()]],
  };
  const choices = byKind[ref.k];
  return choices.length > 0 ? rng.pick(choices) : new Raw("1e400");
}

/** One item of a list or map of this item shape, cheap enough to repeat 10,000 times. */
function smallItem(rng: Rng, ref: ShapeRef, i: number): Json {
  switch (ref.k) {
    case "s":
      return ref.e ? (models.lightsail.enums[ref.e] ?? ["x"])[0]! : `fz-${i}`;
    case "n":
      return i;
    case "b":
      return i % 2 === 0;
    case "r":
      return new JsonObject(rng.chance(0.5) ? [] : [["key", `k${i}`], ["value", "v"]]);
    case "l":
      return [`fz-${i}`];
    default:
      return `fz-${i}`;
  }
}

type JsonFamily = (rng: Rng, op: FuzzOperation, built: BuiltJson) => FuzzRequest;

const families: Record<string, JsonFamily> = {
  valid: (_rng, op, built) => lightsailRequest("json.valid", op, writeJson(built.body)),

  missingRequired(rng, op, built) {
    const withRequired = built.structures.filter((s) => (models.lightsail.shapes[s.shape]?.required.length ?? 0) > 0);
    if (withRequired.length === 0) return lightsailRequest("json.missingRequired", op, "{}");
    const target = rng.pick(withRequired);
    const required = models.lightsail.shapes[target.shape]!.required;
    for (const member of rng.chance(0.3) ? required : [rng.pick(required)]) {
      if (rng.chance(0.7)) target.value.delete(member);
      else target.value.set(member, null);
    }
    return lightsailRequest("json.missingRequired", op, writeJson(built.body));
  },

  wrongType(rng, op, built) {
    const slot = slotFor(rng, built, ["s", "n", "b", "t", "blob", "l", "m", "r"]);
    replace(slot, wrongTypeValue(rng, slot.ref));
    return lightsailRequest("json.wrongType", op, writeJson(built.body));
  },

  longString(rng, op, built) {
    replace(slotFor(rng, built, ["s", "blob"]), hugeString(rng, longLength(rng)));
    return lightsailRequest("json.longString", op, writeJson(built.body));
  },

  unicode(rng, op, built) {
    const slots = slotsOf(built, ["s", "blob"]);
    for (let n = rng.int(1, 3); n > 0; n--) replace(slots.length > 0 ? rng.pick(slots) : slotFor(rng, built, ["s"]), unicodeString(rng));
    if (rng.chance(0.3)) built.body.set(unicodeString(rng), unicodeString(rng));
    return lightsailRequest("json.unicode", op, writeJson(built.body));
  },

  numbers(rng, op, built) {
    const slot = slotFor(rng, built, ["n"]);
    replace(slot, new Raw(rng.chance(0.8) ? rng.pick(JSON_NUMBER_TEXTS) : rng.pick(NOT_A_NUMBER_JSON)));
    return lightsailRequest("json.numbers", op, writeJson(built.body));
  },

  timestamps(rng, op, built) {
    replace(slotFor(rng, built, ["t"]), new Raw(rng.pick(JSON_TIMESTAMP_TEXTS)));
    return lightsailRequest("json.timestamps", op, writeJson(built.body));
  },

  deepMember(rng, op, built) {
    const depth = rng.pick([100, 1000, 5000, 20000, 100000]);
    const slot = rng.chance(0.7) ? slotFor(rng, built, ["l", "m", "r", "s", "doc"]) : slotFor(rng, built, ["doc"]);
    replace(slot, deepJson(depth, rng.pick(["array", "object", "mixed"] as const)));
    return lightsailRequest("json.deepMember", op, writeJson(built.body));
  },

  deepBody(rng, op) {
    const depth = rng.pick([1000, 10000, 100000, 500000]);
    return lightsailRequest("json.deepBody", op, deepJson(depth, rng.pick(["array", "object", "mixed"] as const)).text);
  },

  duplicateKeys(rng, op, built) {
    const entries = built.body.entries;
    const dupes: [string, Json][] = entries.length > 0
      ? entries.map(([k, v]): [string, Json] => [k, rng.chance(0.5) ? v : wrongTypeValue(rng, { k: "s" })])
      : [["a", 1], ["a", 2]];
    const all = rng.chance(0.5) ? [...entries, ...dupes] : [...dupes, ...entries];
    if (rng.chance(0.2)) for (let i = 0; i < 1000; i++) all.push([entries[0]?.[0] ?? "a", i]);
    return lightsailRequest("json.duplicateKeys", op, writeJson(new JsonObject(all)));
  },

  invalidJson(rng, op, built) {
    const good = writeJson(built.body);
    const bodies = [
      good.slice(0, rng.int(0, Math.max(0, good.length - 1))), `${good}x`, `${good}${good}`, good.replace(/"/g, "'"), `/* c */${good}`,
      `\ufeff${good}`, '{"a":NaN}', '{"a":undefined}', "{a:1}", '{"a":"\\x"}', '{"a":"\\u12"}', '{"a":"\u0001"}', "{,}", '{"a":1,}',
      "[1,]", "", "   \n\t ", "null", "[]", '"str"', "123", "true", "1e400", "{", "}", '{"a"', '{"a":}', "\u0000", "{}\u0000",
      '{"a":"\ud800"}', '{"\\ud800":1}', `{"a":"${"\\".repeat(rng.int(1, 5))}"}`, "{}".repeat(1000), "[".repeat(1000),
    ];
    return lightsailRequest("json.invalidJson", op, rng.pick(bodies));
  },

  invalidUtf8(rng, op, built) {
    const slots = slotsOf(built, ["s"]);
    const mark = "\ue000";
    if (slots.length > 0) replace(rng.pick(slots), `fz${mark}${rng.chance(0.5) ? mark : ""}x`);
    else built.body.set(`k${mark}`, `v${mark}`);
    const body = rng.chance(0.2) ? `{"a":1}${mark}` : writeJson(built.body);
    return lightsailRequest("json.invalidUtf8", op, body);
  },

  bigCollections(rng, op, built) {
    const n = rng.pick([10_000, 10_000, 50_000]);
    const slot = slotFor(rng, built, ["l", "m"]);
    if (slot.ref.k === "m") {
      const map = new JsonObject();
      for (let i = 0; i < n; i++) map.entries.push([`k${i}`, smallItem(rng, slot.ref.v, i)]);
      replace(slot, map);
    } else {
      const item = slot.ref.k === "l" ? slot.ref.m : ({ k: "s" } as ShapeRef);
      replace(slot, Array.from({ length: n }, (_, i) => smallItem(rng, item, i)));
    }
    return lightsailRequest("json.bigCollections", op, writeJson(built.body));
  },

  unknownMembers(rng, op, built) {
    const polluting = (): Json => rng.pick<Json>([
      new JsonObject([["polluted", "yes"]]), "x", 1, [], null, new JsonObject([["prototype", new JsonObject([["polluted", "yes"]])]]),
    ]);
    const maps = slotsOf(built, ["m"]);
    if (maps.length > 0 && rng.chance(0.5)) {
      const slot = rng.pick(maps);
      const map = new JsonObject(rng.chance(0.5) ? [] : [["k", smallItem(rng, slot.ref.k === "m" ? slot.ref.v : { k: "s" }, 0)]]);
      for (const name of [rng.pick(PROTOTYPE_NAMES), rng.pick(PROTOTYPE_NAMES)]) {
        map.entries.push([name, rng.chance(0.6) && slot.ref.k === "m" ? smallItem(rng, slot.ref.v, 1) : polluting()]);
      }
      replace(slot, map);
    } else {
      const target = built.structures.length > 0 ? rng.pick(built.structures).value : built.body;
      for (let n = rng.int(1, 4); n > 0; n--) target.entries.push([rng.pick([...PROTOTYPE_NAMES, "fuzzUnknown", ""]), polluting()]);
    }
    return lightsailRequest("json.unknownMembers", op, writeJson(built.body));
  },

  oddTarget(rng, op, built) {
    const names = [
      `${LIGHTSAIL_PREFIX}.`, `.${op.name}`, LIGHTSAIL_PREFIX, "", " ", `${LIGHTSAIL_PREFIX.toLowerCase()}.${op.name}`,
      `${LIGHTSAIL_PREFIX}.${op.name.charAt(0).toLowerCase()}${op.name.slice(1)}`, `${LIGHTSAIL_PREFIX}.${op.name}.Extra`,
      `${LIGHTSAIL_PREFIX}..${op.name}`, `Lightsail_20161127.${op.name}`, `AmazonEC2.${op.name}`, `${LIGHTSAIL_PREFIX}.${"A".repeat(rng.int(100, 8000))}`,
      utf8Bytes(`${LIGHTSAIL_PREFIX}.${op.name}${unicodeString(rng, 2).replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "")}`), `${LIGHTSAIL_PREFIX}.${op.name} `,
      `${LIGHTSAIL_PREFIX}.Unknown${op.name}`, `${LIGHTSAIL_PREFIX}.${op.name}%00`,
    ];
    const proto = rng.pick(PROTOTYPE_NAMES);
    names.push(`${LIGHTSAIL_PREFIX}.${proto}`, `${proto}.${op.name}`, `${proto}.${proto}`, proto, `${LIGHTSAIL_PREFIX}.${proto}.${op.name}`);
    const request = lightsailRequest("json.oddTarget", op, writeJson(built.body), rng.pick(names));
    if (rng.chance(0.15)) request.headers.push(["X-Amz-Target", `${LIGHTSAIL_PREFIX}.${op.name}`]);
    return request;
  },

  oddContentType(rng, op, built) {
    const request = lightsailRequest("json.oddContentType", op, writeJson(built.body));
    const types = [
      undefined, "application/x-amz-json-1.0", "application/json", "text/plain", "", "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x", "application/x-amz-json-1.1; charset=utf-16", "APPLICATION/X-AMZ-JSON-1.1", "a".repeat(4000), "*/*",
    ];
    const type = rng.pick(types);
    request.headers = jsonHeaders(`${LIGHTSAIL_PREFIX}.${op.name}`, type);
    return request;
  },
};

const WEIGHTS: [string, number][] = [
  ["valid", 14], ["missingRequired", 6], ["wrongType", 10], ["longString", 4], ["unicode", 8], ["numbers", 6], ["timestamps", 3],
  ["deepMember", 4], ["deepBody", 2], ["duplicateKeys", 4], ["invalidJson", 6], ["invalidUtf8", 4], ["bigCollections", 3],
  ["unknownMembers", 8], ["oddTarget", 6], ["oddContentType", 3],
];

export const jsonFamilyNames = Object.keys(families);

/** A request to a Lightsail operation from the named family, or one picked by weight. */
export function lightsailRequestFor(rng: Rng, op: FuzzOperation, family?: string): FuzzRequest {
  const name = family ?? rng.weighted(WEIGHTS);
  const built = buildJsonInput(rng, models.lightsail, op.input ?? "");
  return families[name]!(rng, op, built);
}

import { EC2_VERSION, models, type FuzzOperation } from "./catalog.js";
import { buildFormInput, writeForm, type BuiltForm, type FormPair } from "./form-input.js";
import { FORM_CONTENT_TYPE, formHeaders } from "./headers.js";
import {
  BLOB_TEXTS, hugeString, longLength, ODD_VERSIONS, PROTOTYPE_NAMES, QUERY_BOOLEAN_TEXTS, QUERY_NUMBER_TEXTS, QUERY_TIMESTAMP_TEXTS,
  unicodeString,
} from "./nasty.js";
import type { Rng } from "./prng.js";
import type { FuzzRequest } from "./request.js";

interface Envelope {
  action?: string;
  version?: string;
}

/** An EC2 query request: Action and Version first (unless left out), then the pairs; POST form or GET query string. */
function ec2Request(rng: Rng, family: string, op: FuzzOperation, pairs: FormPair[], envelope: Envelope = { action: op.name, version: EC2_VERSION }): FuzzRequest {
  const head: FormPair[] = [];
  if (envelope.action !== undefined) head.push({ name: "Action", value: envelope.action });
  if (envelope.version !== undefined) head.push({ name: "Version", value: envelope.version });
  const text = writeForm([...head, ...pairs]);
  if (text.length < 6000 && rng.chance(0.2)) {
    // Raw bytes outside printable ASCII in a request target are broken HTTP: Node's parser refuses them.
    const broken = /[^\x21-\x7e]/.test(text);
    return { family, operation: op.name, method: "GET", target: `/?${text}`, headers: formHeaders(undefined), body: Buffer.alloc(0), ...(broken ? { bareErrorAllowed: true } : {}) };
  }
  return { family, operation: op.name, method: "POST", target: "/", headers: formHeaders(), body: Buffer.from(text, "latin1") };
}

/** Parameters for an operation the model does not describe (EC2's model has only what Skiff implements). */
function guessedPairs(rng: Rng): BuiltForm {
  const pairs: FormPair[] = [{ name: "DryRun", value: "true" }];
  for (let n = rng.int(0, 3); n > 0; n--) pairs.push({ name: rng.pick(["Filter.1.Name", "InstanceId.1", "MaxResults", "Foo"]), value: rng.pick(["x", "5", ""]) });
  return { pairs, lists: [{ prefix: "InstanceId", item: { k: "s" }, member: "InstanceId" }], required: [] };
}

const scalarPairs = (built: BuiltForm, kinds: string[]) => built.pairs.filter((p) => p.ref && kinds.includes(p.ref.k));

/** Rewrites the N of `<prefix>.N` in every pair of one list. */
function reindex(built: BuiltForm, prefix: string, index: (n: number) => string) {
  for (const p of built.pairs) {
    if (!p.name.startsWith(`${prefix}.`)) continue;
    const rest = p.name.slice(prefix.length + 1);
    const m = /^(\d+)(.*)$/.exec(rest);
    if (m) p.name = `${prefix}.${index(Number(m[1]))}${m[2]}`;
  }
}

const ODD_INDEXES: ((n: number, rng: Rng) => string)[] = [
  () => "0", () => "-1", (n) => String(n * 7), (n) => String(n + 1000), () => "99999999999999999999", (n) => `0${n}`, (n) => `${n}.0`,
  () => "1e3", () => "", () => " 1", () => "\uff11", () => "0x1", () => "4294967296", () => "9007199254740993", (n) => String(-n),
  () => "NaN", (_n, rng) => String(rng.int(1, 100)), () => "1",
];

type QueryFamily = (rng: Rng, op: FuzzOperation, built: BuiltForm) => FuzzRequest;

const families: Record<string, QueryFamily> = {
  valid: (rng, op, built) => ec2Request(rng, "query.valid", op, built.pairs),

  missingRequired(rng, op, built) {
    if (built.required.length > 0) {
      const gone = rng.pick(built.required);
      built.pairs = built.pairs.filter((p) => p.name !== gone && !p.name.startsWith(`${gone}.`));
    } else built.pairs = [];
    return ec2Request(rng, "query.missingRequired", op, built.pairs);
  },

  wrongType(rng, op, built) {
    const slots = scalarPairs(built, ["n", "b", "t", "blob", "s"]);
    const slot = slots.length > 0 ? rng.pick(slots) : undefined;
    if (!slot) built.pairs.push({ name: "MaxResults", value: rng.pick(QUERY_NUMBER_TEXTS) });
    else {
      const byKind: Record<string, string[]> = {
        n: QUERY_NUMBER_TEXTS, b: QUERY_BOOLEAN_TEXTS, t: QUERY_TIMESTAMP_TEXTS, blob: BLOB_TEXTS, s: ["", "not-in-enum", "GP2", "\u0000"],
      };
      slot.value = rng.pick(byKind[slot.ref!.k] ?? QUERY_NUMBER_TEXTS);
    }
    return ec2Request(rng, "query.wrongType", op, built.pairs);
  },

  oddIndexes(rng, op, built) {
    const list = built.lists.length > 0 ? rng.pick(built.lists) : undefined;
    if (!list) built.pairs.push({ name: `InstanceId.${rng.pick(["0", "-1", "99999999999999999999"])}`, value: "i-1" });
    else {
      const odd = rng.pick(ODD_INDEXES);
      reindex(built, list.prefix, (n) => odd(n, rng));
      if (rng.chance(0.3)) built.pairs.push({ name: `${list.prefix}.${odd(9, rng)}`, value: "fz" });
    }
    return ec2Request(rng, "query.oddIndexes", op, built.pairs);
  },

  bigLists(rng, op, built) {
    const n = rng.pick([1_000, 1_001, 10_000, 30_000]);
    const list = built.lists.length > 0 ? rng.pick(built.lists) : { prefix: "InstanceId", item: { k: "s" as const }, member: "InstanceId" };
    built.pairs = built.pairs.filter((p) => !p.name.startsWith(`${list.prefix}.`));
    for (let i = 1; i <= n; i++) {
      if (list.item.k === "r") {
        const shape = models.ec2.shapes[list.item.n];
        const first = shape ? Object.keys(shape.members)[0] : undefined;
        built.pairs.push({ name: `${list.prefix}.${i}.${first ? first.charAt(0).toUpperCase() + first.slice(1) : "Name"}`, value: `fz-${i}` });
      } else built.pairs.push({ name: `${list.prefix}.${i}`, value: `fz-${i}` });
    }
    return ec2Request(rng, "query.bigLists", op, built.pairs);
  },

  unknownParams(rng, op, built) {
    const prefix = built.lists.length > 0 && rng.chance(0.5) ? `${rng.pick(built.lists).prefix}.1.` : "";
    for (let n = rng.int(1, 3); n > 0; n--) {
      const name = rng.pick([...PROTOTYPE_NAMES, "Unknown", "filter.1.name", "Filter.1.Value", `${rng.pick(PROTOTYPE_NAMES)}.1`]);
      built.pairs.push({ name: `${prefix}${name}`, value: rng.pick(["x", "1", "", "{}"]) });
    }
    if (rng.chance(0.3)) built.pairs.push({ name: "constructor.prototype.polluted", value: "yes" }, { name: "__proto__.polluted", value: "yes" });
    return ec2Request(rng, "query.unknownParams", op, built.pairs);
  },

  oddAction(rng, op, built) {
    const actions = ["", op.name.toLowerCase(), `${op.name} `, `${op.name}\u0000`, "Unknown", "A".repeat(rng.int(100, 5000)), unicodeString(rng, 3)];
    actions.push(...PROTOTYPE_NAMES);
    const envelope: Envelope = rng.chance(0.15) ? { version: EC2_VERSION } : { action: rng.pick(actions), version: EC2_VERSION };
    if (rng.chance(0.2)) built.pairs.push({ name: "Action", value: op.name });
    return ec2Request(rng, "query.oddAction", op, built.pairs, envelope);
  },

  oddVersion(rng, op, built) {
    const versions: string[] = [...ODD_VERSIONS];
    versions.push(...PROTOTYPE_NAMES);
    const envelope: Envelope = rng.chance(0.15) ? { action: op.name } : { action: op.name, version: rng.pick(versions) };
    return ec2Request(rng, "query.oddVersion", op, built.pairs, envelope);
  },

  badEncoding(rng, op, built) {
    const junk = [
      "%", "%z", "%zz", "a=%", "=x", "==", "&&&", "a==b", "noequals", "x=%FF%FE", "%00=%00", "a=%ED%A0%80", "a;b=c", "+=+", "%2B=%26",
      `Filter.1.Name=${"%41".repeat(rng.int(10, 20000))}`, "a=b=c", "%E2%82=x", "\u00e9=\u00e9",
    ];
    for (let n = rng.int(1, 3); n > 0; n--) built.pairs.splice(rng.int(0, built.pairs.length), 0, { name: rng.pick(junk), value: "", encoded: true });
    return ec2Request(rng, "query.badEncoding", op, built.pairs);
  },

  longString(rng, op, built) {
    const slots = scalarPairs(built, ["s"]);
    const value = hugeString(rng, Math.min(longLength(rng), 1_200_000));
    if (slots.length > 0) rng.pick(slots).value = value;
    else built.pairs.push({ name: "Filter.1.Name", value });
    return ec2Request(rng, "query.longString", op, built.pairs);
  },

  unicode(rng, op, built) {
    const slots = scalarPairs(built, ["s"]);
    for (let n = rng.int(1, 3); n > 0; n--) {
      if (slots.length > 0) rng.pick(slots).value = unicodeString(rng);
      else built.pairs.push({ name: unicodeString(rng, 2), value: unicodeString(rng) });
    }
    return ec2Request(rng, "query.unicode", op, built.pairs);
  },

  oddContentType(rng, op, built) {
    const request = ec2Request(rng, "query.oddContentType", op, built.pairs);
    const type = rng.pick([
      "APPLICATION/X-WWW-FORM-URLENCODED", "application/x-www-form-urlencoded; charset=latin1", "application/x-www-form-urlencoded;;;",
      "application/x-www-form-urlencodedx", "text/plain", "", undefined, `${FORM_CONTENT_TYPE}; ${"x=y;".repeat(500)}`,
    ]);
    request.method = "POST";
    if (request.target !== "/") {
      request.body = Buffer.from(request.target.slice(2), "latin1");
      request.target = "/";
    }
    request.headers = formHeaders(type);
    return request;
  },
};

const WEIGHTS: [string, number][] = [
  ["valid", 16], ["missingRequired", 6], ["wrongType", 10], ["oddIndexes", 8], ["bigLists", 3], ["unknownParams", 8], ["oddAction", 5],
  ["oddVersion", 4], ["badEncoding", 8], ["longString", 3], ["unicode", 8], ["oddContentType", 3],
];

export const queryFamilyNames = Object.keys(families);

/** A request to an EC2 operation from the named family, or one picked by weight. */
export function ec2RequestFor(rng: Rng, op: FuzzOperation, family?: string): FuzzRequest {
  const name = family ?? rng.weighted(WEIGHTS);
  const built = op.input ? buildFormInput(rng, models.ec2, op.input) : guessedPairs(rng);
  return families[name]!(rng, op, built);
}

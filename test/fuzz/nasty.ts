import type { Rng } from "./prng.js";

/** Names that are properties of every plain object: client input must never be looked up on one. */
export const PROTOTYPE_NAMES = [
  "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf",
  "propertyIsEnumerable", "toLocaleString", "__defineGetter__", "__lookupGetter__", "then",
] as const;

/**
 * A character that no generated text otherwise contains: the request serialiser replaces its UTF-8
 * bytes with invalid UTF-8 (see request.ts), since a JS string cannot hold such bytes.
 */
export const INVALID_UTF8_MARK = "\ue000";

const UNICODE_PIECES = [
  "\u0000", "\u0001", "\u001f", "\u007f", "\ud800", "\udfff", "\udbff\udfff", "\ud83d\ude00", "\u202e", "\u200f", "\u061c",
  "\u2066", "\ufeff", "\ufffe", "\uffff", "\u0301", "\u00e9", "e\u0301", "\u4e2d\u6587", "\u05e2\u05d1\u05e8\u05d9\u05ea",
  "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\r\n", "\n", "\t", "\\", "\"", "'", "<", ">", "&", "]]>", "%00", "%", "+",
  "&amp;", "<![CDATA[", "${x}", "{{x}}", "' OR 1=1 --", "\u2028", "\u2029", INVALID_UTF8_MARK,
];

/** A short string made of characters that break naive code: NUL, lone surrogates, RTL marks, XML and JSON syntax. */
export function unicodeString(rng: Rng, pieces = rng.int(1, 8)): string {
  let s = rng.chance(0.5) ? "fz" : "";
  for (let i = 0; i < pieces; i++) s += rng.pick(UNICODE_PIECES);
  return s;
}

/** A string of `length` UTF-16 units (capped by the caller to fit the body limit). */
export function hugeString(rng: Rng, length: number): string {
  const unit = rng.pick(["a", "\u00e9", "\ud83d\ude00", "\u0000", "\\", "\"", "<&>", "fz-", unicodeString(rng, 4)]);
  return unit.repeat(Math.max(1, Math.ceil(length / unit.length))).slice(0, length);
}

/** Size classes of long strings, from "longer than any name" to "near the 4 MiB body limit". */
export function longLength(rng: Rng): number {
  return rng.weighted([
    [rng.int(256, 4096), 50],
    [rng.int(4097, 65536), 30],
    [rng.int(65537, 1 << 20), 15],
    [rng.int(1 << 20, 3_900_000), 5],
  ] as const);
}

/** JSON number literals (as text) that JSON.parse reads as Infinity, -0, huge, tiny or fractional. */
export const JSON_NUMBER_TEXTS = [
  "1e400", "-1e400", "-0", "0", "-1", "1.5", "0.1", "1e-400", "18446744073709551616", "9007199254740993",
  "-9223372036854775809", "2147483648", "4294967296", "1e21", "123456789012345678901234567890", "5e-324", "1.7976931348623157e308",
  "0.000001", "100000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
];

/** Things in a number's place that are not JSON numbers at all. */
export const NOT_A_NUMBER_JSON = ['"NaN"', '"Infinity"', '"-Infinity"', '"1"', '"0x10"', '"1e3"', '""', "true", "null", "[]", "{}", '"1,5"'];

/** Form-encoded values in a number's place: EC2 reads numbers as text. */
export const QUERY_NUMBER_TEXTS = [
  "NaN", "Infinity", "-Infinity", "1e400", "-0", "-1", "1.5", "0x10", "1e3", "", " 1", "1 ", "+1", "18446744073709551616", "1,5",
  "99999999999999999999", "0.0000001", ".5", "5.", "e5", "--1", "1e", "١٢", "𝟙",
];

/** Timestamps, valid and not, as JSON text. */
export const JSON_TIMESTAMP_TEXTS = [
  "0", "-1", "1e20", "-1e20", "8640000000000", "8640000000001", "1.5", "1e400", "-0", '"2026-01-01T00:00:00Z"', '"2026-13-45T99:99:99Z"',
  '"yesterday"', '""', '"0"', '"1700000000"', '"Tue, 01 Jan 2026 00:00:00 GMT"', '"+275760-09-13T00:00:00.001Z"', "true", "[]",
];

/** Timestamps, valid and not, as form text. */
export const QUERY_TIMESTAMP_TEXTS = [
  "2026-01-01T00:00:00Z", "2026-01-01T00:00:00.123456789Z", "2026-13-45T99:99:99Z", "yesterday", "", "0", "-1", "1e20", "1e400",
  "8640000000000", "8640000000001", "+275760-09-13T00:00:00.001Z", "Tue, 01 Jan 2026 00:00:00 GMT", "NaN",
];

/** Booleans that are not `true`/`false` in form text. */
export const QUERY_BOOLEAN_TEXTS = ["TRUE", "False", "1", "0", "yes", "", "t", "truee", "null", "undefined", " true"];

/** Base64 and near-base64 text for blob members. */
export const BLOB_TEXTS = ["", "AAAA", "AAA", "A", "====", "AA==AA==", "****", "aGVsbG8=", "aGVsbG8", "\u0000", "a b c d", "QUJD\nREVG"];

/** API versions and actions of the EC2 query protocol that are not the right ones. */
export const ODD_VERSIONS = ["", "2016-11-15 ", "2016-11-16", "2015-10-01", "2016-11-15\u0000", "latest", "1", "2016-11-15,2016-11-15", "\ud800"];

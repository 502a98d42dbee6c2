/**
 * JSON as the fuzzer writes it: objects are entry lists (so a key can repeat and `__proto__` is
 * just a key), and `Raw` carries text JSON.stringify cannot make (1e400, -0, broken syntax).
 */
export type Json = null | boolean | number | string | Json[] | JsonObject | Raw;

export class JsonObject {
  constructor(readonly entries: [string, Json][] = []) {}

  get(key: string): Json | undefined {
    return this.entries.find(([k]) => k === key)?.[1];
  }

  set(key: string, value: Json) {
    const at = this.entries.findIndex(([k]) => k === key);
    if (at >= 0) this.entries[at] = [key, value];
    else this.entries.push([key, value]);
  }

  delete(key: string) {
    const at = this.entries.findIndex(([k]) => k === key);
    if (at >= 0) this.entries.splice(at, 1);
  }
}

export class Raw {
  constructor(readonly text: string) {}
}

/** The JSON text of a value. Iterative over containers, so that long lists do not recurse deeply. */
export function writeJson(value: Json): string {
  if (value instanceof Raw) return value.text;
  if (value instanceof JsonObject) {
    return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${writeJson(v)}`).join(",")}}`;
  }
  if (Array.isArray(value)) return `[${value.map(writeJson).join(",")}]`;
  return JSON.stringify(value);
}

/** `depth` levels of nesting as text: `[[[…]]]`, `{"a":{"a":…}}` or a mix, with `inner` at the bottom. */
export function deepJson(depth: number, style: "array" | "object" | "mixed", inner = "1"): Raw {
  if (style === "array") return new Raw(`${"[".repeat(depth)}${inner}${"]".repeat(depth)}`);
  if (style === "object") return new Raw(`${'{"a":'.repeat(depth)}${inner}${"}".repeat(depth)}`);
  return new Raw(`${'[{"a":'.repeat(depth)}${inner}${"}]".repeat(depth)}`);
}

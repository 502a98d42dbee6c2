import type { Tag } from "../../state/records.js";
import { availabilityZones } from "../../catalog/regions.js";
import { invalidInput } from "./errors.js";

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,253}[A-Za-z0-9]$/;

/** Resource names: 2–255 characters, letters, digits, `.`, `-`, `_`, starting and ending alphanumeric. */
export function checkResourceName(name: string, what: string) {
  if (!NAME.test(name)) {
    throw invalidInput(
      `The ${what} name '${name}' is not valid. Use 2 to 255 letters, numbers, periods, dashes and underscores, starting and ending with a letter or number.`,
    );
  }
}

export function checkNames(names: string[], what: string) {
  if (names.length === 0) throw invalidInput(`At least one ${what} name is required.`);
  for (const n of names) checkResourceName(n, what);
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw invalidInput(`The ${what} name '${n}' appears more than once in the request.`);
    seen.add(n);
  }
}

export function checkZone(region: string, zone: string) {
  const zones = availabilityZones(region);
  if (!zones.includes(zone)) {
    throw invalidInput(`The Availability Zone '${zone}' is not valid in region ${region}. Valid zones: ${zones.join(", ")}.`);
  }
}

const TAG_TEXT = /^[\p{L}\p{N}\s+\-=._:/@]*$/u;
export const MAX_TAGS = 50;

/** A tag key by Lightsail's rules (aws-facts §2.17): 1–128 allowed characters, not starting with `aws:`. */
export function checkTagKey(key: string | undefined): string {
  if (key === undefined || key === "") throw invalidInput("Every tag needs a non-empty key.");
  if (key.length > 128) throw invalidInput(`The tag key '${key.slice(0, 40)}…' is longer than 128 characters.`);
  if (!TAG_TEXT.test(key)) throw invalidInput(`The tag key '${key}' has characters that are not allowed. Use letters, numbers, spaces and + - = . _ : / @.`);
  if (key.toLowerCase().startsWith("aws:")) throw invalidInput(`The tag key '${key}' uses the reserved prefix 'aws:'.`);
  return key;
}

/** Lightsail's tag rules (aws-facts §2.17). Returns the tags with later duplicates of a key winning. */
export function checkTags(tags: { key?: string; value?: string }[] | undefined, existing: Tag[] = []): Tag[] {
  const merged = new Map(existing.map((t) => [t.key, t]));
  for (const t of tags ?? []) {
    const key = checkTagKey(t.key);
    if (t.value !== undefined) {
      if (t.value.length > 256) throw invalidInput(`The value of tag '${t.key}' is longer than 256 characters.`);
      if (!TAG_TEXT.test(t.value)) throw invalidInput(`The value of tag '${t.key}' has characters that are not allowed. Use letters, numbers, spaces and + - = . _ : / @.`);
      if (t.value.toLowerCase().startsWith("aws:")) throw invalidInput(`The value of tag '${t.key}' uses the reserved prefix 'aws:'.`);
    }
    merged.set(key, t.value === undefined ? { key } : { key, value: t.value });
  }
  if (merged.size > MAX_TAGS) throw invalidInput(`A resource can have at most ${MAX_TAGS} tags; this request would give it ${merged.size}.`);
  return [...merged.values()];
}

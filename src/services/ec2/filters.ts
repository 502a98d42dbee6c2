import type { Filter } from "@aws-sdk/client-ec2";
import type { Ec2Tag } from "../../state/ec2-records.js";
import type { Narrowing } from "../../state/store.js";
import { invalidFilter, invalidParameterValue, missingParameter } from "./errors.js";
import { MAX_PATTERN_LENGTH, wildcard } from "./wildcard.js";

export type FilterValue = string | number | boolean | undefined | null;

/** What each filter name of a Describe call reads from a record; tags give `tag:<key>`, `tag-key`, `tag-value`. */
export interface FilterFields<R> {
  fields: Record<string, (r: R) => FilterValue | FilterValue[]>;
  tags?: (r: R) => Ec2Tag[];
  /**
   * Filters an index of the store can serve, most selective first: filter name → indexed column
   * (`key` is the resource id), and `"tag:"` for the tag index. See `narrowing`.
   */
  indexed?: Record<string, string>;
}

/**
 * EC2 filter semantics (aws-facts §4.5): values of one filter are OR-ed, filters are AND-ed, values
 * are case-sensitive with `*` (any run) and `?` (zero or one character) wildcards and `\` escapes.
 * An unknown filter name is InvalidParameterValue. Returns a predicate over records.
 */
export function filterPredicate<R>(filters: Filter[] | undefined, spec: FilterFields<R>): (r: R) => boolean {
  const tests = (filters ?? []).map((filter, i) => {
    const name = filter.Name;
    if (name === undefined || name === "") throw missingParameter(`Filter.${i + 1}.Name`);
    const values = filter.Values ?? [];
    if (values.length === 0) throw invalidParameterValue(`The filter '${name}' needs at least one value.`);
    const read = reader(name, spec);
    const long = values.findIndex((v) => v.length > MAX_PATTERN_LENGTH);
    if (long >= 0) throw invalidParameterValue(`The value of Filter.${i + 1}.Value.${long + 1} is longer than ${MAX_PATTERN_LENGTH} characters.`);
    const patterns = values.map(wildcard);
    return (r: R) => read(r).some((v) => patterns.some((p) => p(v)));
  });
  return (r) => tests.every((test) => test(r));
}

/** The `*`, `?` and `\\` of a filter value make it a pattern; anything else is an exact value an index can look up. */
const isExact = (value: string) => !/[*?\\]/.test(value);

/**
 * The condition an index can serve for these filters: the first of `spec.indexed` (in its order)
 * that the request filters on with exact values only. Every record it finds still passes through
 * `filterPredicate`, so it narrows the reading and never changes the answer. Undefined: nothing to
 * narrow by, every record of the scope is read.
 */
export function narrowing<R>(filters: Filter[] | undefined, spec: FilterFields<R>): Narrowing | undefined {
  const exact = (filters ?? []).filter((f) => f.Name && f.Values && f.Values.length > 0 && f.Values.every(isExact));
  for (const [name, column] of Object.entries(spec.indexed ?? {})) {
    const filter = name === "tag:" ? exact.find((f) => f.Name!.startsWith("tag:") && f.Name!.length > 4) : exact.find((f) => f.Name === name);
    if (!filter) continue;
    return name === "tag:" ? { tag: filter.Name!.slice(4), values: filter.Values! } : { column, values: filter.Values! };
  }
  return undefined;
}

function reader<R>(name: string, spec: FilterFields<R>): (r: R) => string[] {
  const tags = spec.tags;
  if (tags) {
    if (name.startsWith("tag:")) {
      const key = name.slice(4);
      return (r) => tags(r).filter((t) => t.key === key).map((t) => t.value);
    }
    if (name === "tag-key") return (r) => tags(r).map((t) => t.key);
    if (name === "tag-value") return (r) => tags(r).map((t) => t.value);
  }
  const field = Object.hasOwn(spec.fields, name) ? spec.fields[name] : undefined;
  if (!field) throw invalidFilter(name);
  return (r) => {
    const v = field(r);
    return (Array.isArray(v) ? v : [v]).filter((x): x is string | number | boolean => x !== undefined && x !== null).map(String);
  };
}

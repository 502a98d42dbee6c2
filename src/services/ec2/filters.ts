import type { Filter } from "@aws-sdk/client-ec2";
import type { Ec2Tag } from "../../state/ec2-records.js";
import { invalidFilter, invalidParameterValue, missingParameter } from "./errors.js";

export type FilterValue = string | number | boolean | undefined | null;

/** What each filter name of a Describe call reads from a record; tags give `tag:<key>`, `tag-key`, `tag-value`. */
export interface FilterFields<R> {
  fields: Record<string, (r: R) => FilterValue | FilterValue[]>;
  tags?: (r: R) => Ec2Tag[];
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
    const patterns = values.map(wildcard);
    return (r: R) => read(r).some((v) => patterns.some((p) => p.test(v)));
  });
  return (r) => tests.every((test) => test(r));
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
  const field = spec.fields[name];
  if (!field) throw invalidFilter(name);
  return (r) => {
    const v = field(r);
    return (Array.isArray(v) ? v : [v]).filter((x): x is string | number | boolean => x !== undefined && x !== null).map(String);
  };
}

function wildcard(value: string): RegExp {
  let source = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === "\\" && i + 1 < value.length) source += escapeRegExp(value[++i]!);
    else if (c === "*") source += ".*";
    else if (c === "?") source += ".?";
    else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`, "su");
}

const escapeRegExp = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

import type { Tag, TagSpecification } from "@aws-sdk/client-ec2";
import type { Ec2Tag } from "../../../state/ec2-records.js";
import { invalidParameterValue, missingParameter, tagLimitExceeded } from "../errors.js";

export const MAX_TAGS = 50;
const MAX_KEY = 128;
const MAX_VALUE = 256;

/** EC2's tag rules (aws-facts §4.8). A missing value is stored as the empty string, as EC2 does. */
export function checkTags(tags: Tag[] | undefined, parameter: string): Ec2Tag[] {
  return (tags ?? []).map((t, i) => {
    const key = t.Key;
    if (key === undefined || key === "") throw missingParameter(`${parameter}.${i + 1}.Key`);
    if ([...key].length > MAX_KEY) throw invalidParameterValue(`The tag key '${key.slice(0, 40)}…' is longer than ${MAX_KEY} characters.`);
    if (key.toLowerCase().startsWith("aws:")) throw invalidParameterValue(`Tag keys starting with 'aws:' are reserved for internal use (tag '${key}').`);
    const value = t.Value ?? "";
    if ([...value].length > MAX_VALUE) throw invalidParameterValue(`The value of tag '${key}' is longer than ${MAX_VALUE} characters.`);
    return { key, value };
  });
}

/** Existing tags with `added` applied (a key given again takes the new value); at most 50. */
export function mergeTags(existing: Ec2Tag[], added: Ec2Tag[]): Ec2Tag[] {
  const merged = new Map(existing.map((t) => [t.key, t.value]));
  for (const t of added) merged.set(t.key, t.value);
  if (merged.size > MAX_TAGS) throw tagLimitExceeded();
  return [...merged].map(([key, value]) => ({ key, value }));
}

/**
 * The tags a create call's TagSpecifications give each resource type it creates. Every
 * specification must name a type the operation creates and carry at least one tag.
 */
export function tagsFromSpecifications(specs: TagSpecification[] | undefined, allowed: string[]): Map<string, Ec2Tag[]> {
  const byType = new Map<string, Ec2Tag[]>();
  (specs ?? []).forEach((spec, i) => {
    const parameter = `TagSpecification.${i + 1}`;
    const type = spec.ResourceType;
    if (type === undefined) throw missingParameter(`${parameter}.ResourceType`);
    if (!allowed.includes(type)) throw invalidParameterValue(`'${type}' is not a valid taggable resource type for this operation.`);
    if (!spec.Tags || spec.Tags.length === 0) throw invalidParameterValue(`The tag specification for '${type}' (${parameter}) has no tags; give at least one.`);
    byType.set(type, mergeTags(byType.get(type) ?? [], checkTags(spec.Tags, `${parameter}.Tag`)));
  });
  return byType;
}

export const toSdkTags = (tags: Ec2Tag[]): Tag[] => tags.map((t) => ({ Key: t.key, Value: t.value }));

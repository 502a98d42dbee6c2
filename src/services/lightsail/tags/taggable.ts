import type { ResourceType } from "@aws-sdk/client-lightsail";
import type { Scope } from "../../../core/scope.js";
import type { Tag } from "../../../state/records.js";
import type { ResourceRepository, Tx } from "../../../state/store.js";

/** A named resource that can carry tags, as TagResource, UntagResource and GetOperationsForResource see it. */
export interface TaggableResource {
  resourceType: ResourceType;
  name: string;
  arn: string;
  tags: Tag[];
  /** Where operations on it are located: its zone, or "all" for regional resources. */
  availabilityZone: string;
  saveTags(tags: Tag[]): Promise<void>;
}

type Finder = (tx: Tx, scope: Scope, name: string) => Promise<TaggableResource | undefined>;

function taggable<R extends { arn: string; tags: Tag[] }>(
  resourceType: ResourceType,
  repository: (tx: Tx) => ResourceRepository<R>,
  availabilityZone: (record: R) => string,
): Finder {
  return async (tx, scope, name) => {
    const repo = repository(tx);
    const record = await repo.get(scope, name);
    if (!record) return undefined;
    return {
      resourceType,
      name,
      arn: record.arn,
      tags: record.tags,
      availabilityZone: availabilityZone(record),
      saveTags: (tags) => repo.update(scope, { ...record, tags }),
    };
  };
}

/** Every resource family that has tags, looked up by name. Add a family with one line. */
const finders: Finder[] = [
  taggable("Instance", (tx) => tx.instances, (r) => r.availabilityZone),
  taggable("KeyPair", (tx) => tx.keyPairs, () => "all"),
];

/** Names are unique across resource types in a region, so at most one family answers. */
export async function findTaggable(tx: Tx, scope: Scope, name: string): Promise<TaggableResource | undefined> {
  for (const find of finders) {
    const found = await find(tx, scope, name);
    if (found) return found;
  }
  return undefined;
}

import type { Scope } from "../../../core/scope.js";
import type { Ec2Tag } from "../../../state/ec2-records.js";
import type { ResourceRepository, Tx } from "../../../state/store.js";
import { imagesNotFound, instancesNotFound, invalidId, invalidParameterValue, keyPairNotFound, snapshotsNotFound, volumesNotFound } from "../errors.js";
import { findImage } from "../images/catalog.js";
import { idKind } from "../ids.js";

export type TaggableType = "instance" | "volume" | "snapshot" | "key-pair";

export interface TaggedResource {
  type: TaggableType;
  id: string;
  tags: Ec2Tag[];
}

interface Family<R extends { tags: Ec2Tag[] }> {
  type: TaggableType;
  repo: (tx: Tx) => ResourceRepository<R>;
  id: (r: R) => string;
  find: (tx: Tx, scope: Scope, id: string) => Promise<R | undefined>;
  notFound: (id: string) => Error;
}

const family = <R extends { tags: Ec2Tag[] }>(f: Family<R>) => f as unknown as Family<{ tags: Ec2Tag[] }>;

/** The resource families that carry EC2 tags, by id prefix (STYLE 14: one table). */
const families = {
  instance: family({
    type: "instance", repo: (tx) => tx.ec2Instances, id: (r) => r.instanceId,
    find: (tx, scope, id) => tx.ec2Instances.get(scope, id), notFound: (id) => instancesNotFound([id]),
  }),
  volume: family({
    type: "volume", repo: (tx) => tx.ec2Volumes, id: (r) => r.volumeId,
    find: (tx, scope, id) => tx.ec2Volumes.get(scope, id), notFound: (id) => volumesNotFound([id]),
  }),
  snapshot: family({
    type: "snapshot", repo: (tx) => tx.ec2Snapshots, id: (r) => r.snapshotId,
    find: (tx, scope, id) => tx.ec2Snapshots.get(scope, id), notFound: (id) => snapshotsNotFound([id]),
  }),
  keyPair: family({
    type: "key-pair", repo: (tx) => tx.ec2KeyPairs, id: (r) => r.keyPairId,
    find: async (tx, scope, id) => {
      for await (const { record } of tx.ec2KeyPairs.scan(scope, { where: { key_pair_id: id } })) return record;
      return undefined;
    },
    notFound: (id) => keyPairNotFound(id),
  }),
};

/** Reads a resource's tags and writes them back with `change` applied. Unknown ids fail with their family's NotFound. */
export async function retag(tx: Tx, scope: Scope, id: string, change: (tags: Ec2Tag[]) => Ec2Tag[]): Promise<void> {
  const kind = idKind(id);
  if (kind === "image") {
    if (findImage(scope.region, id)) throw invalidParameterValue(`The public AMI '${id}' belongs to another account and cannot be tagged.`);
    throw imagesNotFound([id]);
  }
  const f = kind && kind in families ? families[kind as keyof typeof families] : undefined;
  if (!f) throw invalidId(id);
  const record = await f.find(tx, scope, id);
  if (!record) throw f.notFound(id);
  await f.repo(tx).update(scope, { ...record, tags: change(record.tags) });
}

/** Every tagged resource of the scope: instances, volumes, snapshots, key pairs. */
export async function* taggedResources(tx: Tx, scope: Scope): AsyncIterable<TaggedResource> {
  for (const f of Object.values(families)) {
    for await (const { record } of f.repo(tx).scan(scope)) {
      if (record.tags.length > 0) yield { type: f.type, id: f.id(record), tags: record.tags };
    }
  }
}

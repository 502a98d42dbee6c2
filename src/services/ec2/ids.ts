import type { Scope } from "../../core/scope.js";
import { malformedImageId, malformedInstanceId, malformedKeyPairId, malformedSnapshotId, malformedVolumeId } from "./errors.js";

/** EC2 id prefixes, one table (STYLE 14); ids are the prefix and 8 or 17 lower-case hex digits. */
export const ID_PREFIX = {
  instance: "i",
  volume: "vol",
  snapshot: "snap",
  image: "ami",
  reservation: "r",
  keyPair: "key",
} as const;

export type IdKind = keyof typeof ID_PREFIX;

const malformed: Record<IdKind, (id: string) => Error> = {
  instance: malformedInstanceId,
  volume: malformedVolumeId,
  snapshot: malformedSnapshotId,
  image: malformedImageId,
  reservation: malformedInstanceId,
  keyPair: malformedKeyPairId,
};

export const isId = (kind: IdKind, id: string) => new RegExp(`^${ID_PREFIX[kind]}-([0-9a-f]{8}|[0-9a-f]{17})$`).test(id);

/** The kind of resource an id names, from its prefix, or undefined. */
export function idKind(id: string): IdKind | undefined {
  return (Object.keys(ID_PREFIX) as IdKind[]).find((kind) => isId(kind, id));
}

export function checkId(kind: IdKind, id: string): string {
  if (!isId(kind, id)) throw malformed[kind](id);
  return id;
}

export const checkIds = (kind: IdKind, ids: string[] | undefined) => (ids ?? []).map((id) => checkId(kind, id));

/** The ids of a request, each once, in the order given. */
export const unique = (ids: string[]) => [...new Set(ids)];

/**
 * The records of a request's ids, each once, in the order given; any unknown one fails the call
 * with `notFound` naming all unknown ones, as EC2 does.
 */
export async function recordsByIds<R>(
  repository: { get(scope: Scope, id: string): Promise<R | undefined> },
  scope: Scope,
  kind: IdKind,
  ids: string[],
  notFound: (missing: string[]) => Error,
): Promise<R[]> {
  const wanted = unique(checkIds(kind, ids));
  const found = await Promise.all(wanted.map((id) => repository.get(scope, id)));
  const missing = wanted.filter((_, i) => !found[i]);
  if (missing.length > 0) throw notFound(missing);
  return found as R[];
}

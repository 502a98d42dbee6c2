import type { Scope } from "../../core/scope.js";
import type { Holdable } from "../../state/records.js";
import type { ResourceRepository, Tx } from "../../state/store.js";

/** A snapshot that a pending restore reads: which repository, which key. */
export interface HoldRef {
  kind: "instanceSnapshot" | "diskSnapshot" | "autoSnapshot";
  key: string;
}

const repository = (tx: Tx, kind: HoldRef["kind"]): ResourceRepository<Holdable> =>
  ({ instanceSnapshot: tx.instanceSnapshots, diskSnapshot: tx.diskSnapshots, autoSnapshot: tx.autoSnapshots })[kind] as unknown as ResourceRepository<Holdable>;

/** Marks a snapshot as read by `holder` (a resource being created from it) so that it cannot be deleted meanwhile. */
export async function addHold(tx: Tx, scope: Scope, ref: HoldRef, holder: string) {
  const repo = repository(tx, ref.kind);
  const record = await repo.get(scope, ref.key);
  if (record) await repo.update(scope, { ...record, pendingRestores: [...record.pendingRestores, holder] });
}

export async function releaseHold(tx: Tx, scope: Scope, ref: HoldRef, holder: string) {
  const repo = repository(tx, ref.kind);
  const record = await repo.get(scope, ref.key);
  if (!record) return;
  const i = record.pendingRestores.indexOf(holder);
  if (i >= 0) await repo.update(scope, { ...record, pendingRestores: record.pendingRestores.filter((_, j) => j !== i) });
}

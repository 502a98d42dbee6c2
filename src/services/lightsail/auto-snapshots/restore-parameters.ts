import { isCalendarDate } from "../../../core/daily.js";
import { invalidInput, mutuallyExclusive } from "../errors.js";

/** What CreateInstancesFromSnapshot and CreateDiskFromSnapshot restore from. */
export type RestoreFrom =
  | { kind: "snapshot"; snapshotName: string }
  | { kind: "auto"; sourceName: string; restoreDate?: string };

export interface RestoreParameters {
  snapshotName?: string;
  sourceName?: string;
  restoreDate?: string;
  useLatestRestorableAutoSnapshot?: boolean;
}

/**
 * The source rules of the seed: a manual snapshot name XOR a source resource name; with the
 * source name, a restore date (YYYY-MM-DD) XOR the latest restorable automatic snapshot; those
 * two only with the source name. `names` are the request's parameter names, for the messages.
 */
export function checkRestoreParameters(p: RestoreParameters, names: { snapshot: string; source: string }): RestoreFrom {
  const useLatest = p.useLatestRestorableAutoSnapshot === true;
  if (p.snapshotName !== undefined && p.sourceName !== undefined) throw mutuallyExclusive(names.snapshot, names.source);
  if (p.restoreDate !== undefined && useLatest) throw mutuallyExclusive("restoreDate", "useLatestRestorableAutoSnapshot");
  if (p.sourceName === undefined && (p.restoreDate !== undefined || useLatest)) {
    throw invalidInput(`The restoreDate and useLatestRestorableAutoSnapshot parameters can be used only with ${names.source}.`);
  }
  if (p.snapshotName !== undefined) return { kind: "snapshot", snapshotName: p.snapshotName };
  if (p.sourceName === undefined) {
    throw invalidInput(`Specify ${names.snapshot}, or ${names.source} with restoreDate or useLatestRestorableAutoSnapshot.`);
  }
  if (p.restoreDate === undefined && !useLatest) {
    throw invalidInput(`With ${names.source}, specify restoreDate (YYYY-MM-DD) or useLatestRestorableAutoSnapshot.`);
  }
  if (p.restoreDate !== undefined && !isCalendarDate(p.restoreDate)) {
    throw invalidInput(`The restore date '${p.restoreDate}' is not valid. Use a date in YYYY-MM-DD format.`);
  }
  return { kind: "auto", sourceName: p.sourceName, restoreDate: p.restoreDate };
}

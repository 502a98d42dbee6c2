import type { DescribeSnapshotsRequest, DescribeSnapshotsResult } from "@aws-sdk/client-ec2";
import type { SnapshotRecord } from "../../../state/ec2-records.js";
import type { Handler } from "../../context.js";
import { invalidValue, snapshotsNotFound } from "../errors.js";
import { filterPredicate, narrowing } from "../filters.js";
import { checkIds, unique } from "../ids.js";
import { collectPage, pageLimit, pageStart } from "../paging.js";
import { snapshotFilters } from "./snapshot-filters.js";
import { toSnapshot } from "./view.js";
import { dryRun } from "../request.js";

const ACCOUNT = /^\d{12}$/;

/**
 * The snapshots the caller may use (its own, those shared with it, public ones), narrowed by
 * SnapshotIds, OwnerIds (`self`, account ids; `amazon` owns none here), RestorableByUserIds
 * (`self`, `all`, account ids) and Filters, in creation order, paged by MaxResults (5–1000).
 * The caller's own snapshots are found through an index when the ids or a filter allow it
 * (`narrowing`); those shared with the caller are few and read in full.
 */
export const describeSnapshots: Handler<DescribeSnapshotsRequest, DescribeSnapshotsResult> = async (ctx, input) => {
  const ids = unique(checkIds("snapshot", input.SnapshotIds));
  const owners = ownerTest(input.OwnerIds, ctx.account);
  const own = owners(ctx.account);
  const restorable = restorableTest(input.RestorableByUserIds, ctx.account);
  const matches = filterPredicate(input.Filters, snapshotFilters);
  const limit = pageLimit(input.MaxResults);
  const after = pageStart(input.NextToken);

  return ctx.read(async (tx) => {
    if (ids.length > 0) {
      const found = await Promise.all(ids.map((id) => tx.ec2Snapshots.findVisible(ctx.region, ctx.account, id)));
      const missing = ids.filter((_, i) => !found[i]);
      if (missing.length > 0) throw snapshotsNotFound(missing);
    }
    dryRun(input);
    const wanted = ids.length > 0 ? new Set(ids) : undefined;
    const keep = (s: SnapshotRecord) => (!wanted || wanted.has(s.snapshotId)) && owners(s.ownerId) && restorable(s) && matches(s);
    const narrow = ids.length > 0 ? { column: "key", values: ids } : narrowing(input.Filters, snapshotFilters);
    const { items, nextToken } = await collectPage(tx.ec2Snapshots.scanVisible(ctx.region, ctx.account, { after, narrow, own }), keep, limit);
    return { Snapshots: items.map(toSnapshot), NextToken: nextToken };
  });
};

/** Whether an owner account is one of OwnerIds (any, when none are given). */
function ownerTest(owners: string[] | undefined, caller: string): (owner: string) => boolean {
  if (!owners || owners.length === 0) return () => true;
  const accounts = owners.map((o, i) => {
    if (o === "self") return caller;
    if (o === "amazon" || o === "aws-marketplace" || ACCOUNT.test(o)) return o;
    throw invalidValue(`Owner.${i + 1}`, o, "self, amazon, aws-marketplace or a 12-digit account id");
  });
  return (owner) => accounts.includes(owner);
}

function restorableTest(users: string[] | undefined, caller: string): (s: SnapshotRecord) => boolean {
  if (!users || users.length === 0) return () => true;
  const tests = users.map((u, i): ((s: SnapshotRecord) => boolean) => {
    if (u === "self") return (s) => s.ownerId === caller || s.createVolumePermissions.includes(caller);
    if (u === "all") return (s) => s.createVolumePermissions.includes("all");
    if (ACCOUNT.test(u)) return (s) => s.createVolumePermissions.includes(u);
    throw invalidValue(`RestorableBy.${i + 1}`, u, "self, all or a 12-digit account id");
  });
  return (s) => tests.some((t) => t(s));
}

import type { DeleteAutoSnapshotRequest, DeleteAutoSnapshotResult } from "@aws-sdk/client-lightsail";
import { isCalendarDate } from "../../../core/daily.js";
import { autoSnapshotKey } from "../../../state/tables.js";
import { deleteAutoSnapshotRecords } from "../../../worker/jobs/auto-snapshot.js";
import type { Handler } from "../../context.js";
import { findAddOnResource } from "../add-ons/resource.js";
import { autoSnapshotNotFound, invalidInput, snapshotInUse, wrongState } from "../errors.js";
import { recordOperation } from "../../../state/operations.js";
import { toOperation } from "../operations/operation.js";

export const deleteAutoSnapshot: Handler<DeleteAutoSnapshotRequest, DeleteAutoSnapshotResult> = async (ctx, input) => {
  const date = input.date!;
  if (!isCalendarDate(date)) throw invalidInput(`The date '${date}' is not valid. Use a date in YYYY-MM-DD format.`);
  const now = ctx.clock.now();
  const operation = await ctx.transaction(async (tx) => {
    const resource = await findAddOnResource(tx, ctx, input.resourceName!);
    const name = resource.record.name;
    const record = await tx.autoSnapshots.get(ctx, autoSnapshotKey(name, date));
    if (!record) throw autoSnapshotNotFound(name, `from ${date}`);
    if (record.status === "InProgress") throw wrongState("delete this automatic snapshot", "automatic snapshot", record.status);
    if (record.pendingRestores.length > 0) throw snapshotInUse(`${name} (automatic, ${date})`, record.pendingRestores);
    await deleteAutoSnapshotRecords(tx, ctx, [record], now);
    // The real operation has the region as its zone and no statusChangedAt (aws-facts §2.7).
    const op = await recordOperation(tx, ctx, now, {
      resourceName: name, resourceType: resource.resourceType, availabilityZone: ctx.region,
      operationType: "DeleteAutoSnapshot", operationDetails: `DeleteAutoSnapshot-${date}`, done: true,
    });
    const shown = { ...op, statusChangedAt: undefined };
    await tx.operations.update(ctx, shown);
    return shown;
  });
  return { operations: [toOperation(operation, ctx.region)] };
};

import type { StopInstanceRequest, StopInstanceResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { findInstance, instanceOperation, requireState } from "./lookup.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

/**
 * running → stopping, then the stop job makes it stopped. `force` is documented for an instance
 * stuck in `stopping`, so a forced stop is accepted there too and queues a forced stop for the
 * driver; a stopped or pending instance cannot be stopped either way.
 */
export const stopInstance: Handler<StopInstanceRequest, StopInstanceResult> = async (ctx, input) => {
  const name = input.instanceName!;
  const force = input.force === true;
  const operation = await ctx.transaction(async (tx) => {
    const record = await findInstance(tx, ctx, name);
    requireState(record, force ? ["running", "stopping"] : ["running"], force ? "StopInstance with force" : "StopInstance");
    const now = ctx.clock.now();
    await tx.instances.update(ctx, { ...record, state: "stopping" });
    const op = await instanceOperation(tx, ctx, now, record, "StopInstance");
    await enqueue(tx, ctx, "lightsail.instance.stop", { name, computeId: record.computeId, operationIds: [op.id], force }, now);
    return op;
  });
  return { operations: [operation] };
};

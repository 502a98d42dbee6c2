import type { RebootInstanceRequest, RebootInstanceResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { findInstance, instanceOperation, requireState } from "./lookup.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

/**
 * The real service answers with an operation that has already Succeeded and keeps the instance
 * `running` (aws-facts §2.6–2.7); the driver still gets a reboot job.
 */
export const rebootInstance: Handler<RebootInstanceRequest, RebootInstanceResult> = async (ctx, input) => {
  const name = input.instanceName!;
  const operation = await ctx.transaction(async (tx) => {
    const record = await findInstance(tx, ctx, name);
    requireState(record, ["running"], "RebootInstance");
    const now = ctx.clock.now();
    const op = await instanceOperation(tx, ctx, now, record, "RebootInstance", { operationDetails: "", done: true });
    await enqueue(tx, ctx, "lightsail.instance.reboot", { name, computeId: record.computeId, operationIds: [] }, now);
    return op;
  });
  return { operations: [operation] };
};

import type { StartInstanceRequest, StartInstanceResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { publicAddress } from "./addresses.js";
import { generationUpdate } from "./bundle-switch.js";
import { findInstance, instanceOperation, requireState } from "./lookup.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

/**
 * stopped → pending, then the start job makes it running. Like the real service, a start gives the
 * instance a new public IPv4 address (Skiff has no static IPs that would keep it).
 */
export const startInstance: Handler<StartInstanceRequest, StartInstanceResult> = async (ctx, input) => {
  const name = input.instanceName!;
  const requestedBundle = input.attributeUpdates?.bundleId;
  const operation = await ctx.transaction(async (tx) => {
    const record = await findInstance(tx, ctx, name);
    requireState(record, ["stopped"], "StartInstance");
    const bundleId = requestedBundle === undefined ? record.bundleId : generationUpdate(record.bundleId, requestedBundle).bundleId;
    const now = ctx.clock.now();
    await tx.instances.update(ctx, {
      ...record,
      bundleId,
      state: "pending",
      publicIpAddress: record.ipAddressType === "ipv6" ? undefined : publicAddress(record.publicIpAddress),
    });
    const op = await instanceOperation(tx, ctx, now, record, "StartInstance");
    await enqueue(tx, ctx, "lightsail.instance.start", { name, computeId: record.computeId, operationIds: [op.id] }, now);
    return op;
  });
  return { operations: [operation] };
};

import type { DisableAddOnRequest, DisableAddOnResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { addOnNotEnabled } from "../errors.js";
import { recordOperation } from "../../../state/operations.js";
import { toOperation } from "../operations/operation.js";
import { findAddOnResource, saveAddOns } from "./resource.js";

/** Disables an add-on; its schedule ends, automatic snapshots already taken stay. */
export const disableAddOn: Handler<DisableAddOnRequest, DisableAddOnResult> = async (ctx, input) => {
  const type = input.addOnType!;
  const now = ctx.clock.now();
  const operation = await ctx.transaction(async (tx) => {
    const resource = await findAddOnResource(tx, ctx, input.resourceName!);
    if (!resource.record.addOns.some((a) => a.name === type)) throw addOnNotEnabled(type);
    await saveAddOns(tx, ctx, resource, resource.record.addOns.filter((a) => a.name !== type));
    return recordOperation(tx, ctx, now, {
      resourceName: resource.record.name, resourceType: resource.resourceType, availabilityZone: resource.record.availabilityZone,
      operationType: "DisableAddOn", operationDetails: type, done: true,
    });
  });
  return { operations: [toOperation(operation, ctx.region)] };
};

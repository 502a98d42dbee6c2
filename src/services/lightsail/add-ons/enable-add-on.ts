import type { EnableAddOnRequest, EnableAddOnResult } from "@aws-sdk/client-lightsail";
import type { AddOnRecord } from "../../../state/records.js";
import type { Handler } from "../../context.js";
import { findBlueprint } from "../../../catalog/blueprints.js";
import { addOnAlreadyInState } from "../errors.js";
import { recordOperation } from "../../../state/operations.js";
import { toOperation } from "../operations/operation.js";
import { addOnFromRequest, checkAutoSnapshotPlatform } from "./add-on-requests.js";
import { findAddOnResource, saveAddOns } from "./resource.js";
import { scheduleAddOns } from "./schedule.js";

const sameSettings = (a: AddOnRecord, b: AddOnRecord) =>
  a.snapshotTimeOfDay === b.snapshotTimeOfDay && a.threshold === b.threshold && a.duration === b.duration;

/** Enables an add-on, or changes its settings (a new snapshot time starts a new schedule). */
export const enableAddOn: Handler<EnableAddOnRequest, EnableAddOnResult> = async (ctx, input) => {
  const request = input.addOnRequest!;
  const now = ctx.clock.now();
  const operation = await ctx.transaction(async (tx) => {
    const resource = await findAddOnResource(tx, ctx, input.resourceName!);
    const addOn = addOnFromRequest(request, ctx.region, resource.resourceType === "Instance" ? "instance" : "disk");
    if (resource.resourceType === "Instance") {
      const { blueprintId } = resource.record;
      checkAutoSnapshotPlatform([addOn], findBlueprint(blueprintId)?.platform ?? "LINUX_UNIX", blueprintId);
    }
    const current = resource.record.addOns.find((a) => a.name === addOn.name);
    if (current && sameSettings(current, addOn)) throw addOnAlreadyInState();
    await saveAddOns(tx, ctx, resource, [...resource.record.addOns.filter((a) => a.name !== addOn.name), addOn]);
    await scheduleAddOns(tx, ctx, { resourceType: resource.resourceType, name: resource.record.name, arn: resource.record.arn }, [addOn], now);
    return recordOperation(tx, ctx, now, {
      resourceName: resource.record.name, resourceType: resource.resourceType, availabilityZone: resource.record.availabilityZone,
      operationType: "EnableAddOn", operationDetails: addOn.name, done: true,
    });
  });
  return { operations: [toOperation(operation, ctx.region)] };
};

import type { CreateDiskRequest, CreateDiskResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import type { DiskJobPayload } from "../../../worker/jobs/disk-jobs.js";
import { addOnsFromRequests } from "../add-ons/add-on-requests.js";
import { recordOperation } from "../../../state/operations.js";
import { toOperation } from "../operations/operation.js";
import { checkResourceName, checkTags, checkZone } from "../validation.js";
import { checkDiskSize, insertDisk } from "./new-disk.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

export const createDisk: Handler<CreateDiskRequest, CreateDiskResult> = async (ctx, input) => {
  const name = input.diskName!;
  checkResourceName(name, "disk");
  checkZone(ctx.region, input.availabilityZone!);
  checkDiskSize(input.sizeInGb!);
  const tags = checkTags(input.tags);
  const addOns = addOnsFromRequests(input.addOns, ctx.region, "disk");
  const now = ctx.clock.now();
  const operation = await ctx.transaction(async (tx) => {
    const disk = await insertDisk(tx, ctx, now, { name, zone: input.availabilityZone!, sizeInGb: input.sizeInGb!, tags, addOns });
    const op = await recordOperation(tx, ctx, now, {
      resourceName: name, resourceType: "Disk", availabilityZone: disk.availabilityZone, operationType: "CreateDisk",
    });
    const payload: DiskJobPayload = { name, computeId: disk.computeId, sizeInGb: disk.sizeInGb, operationIds: [op.id] };
    await enqueue(tx, ctx, "lightsail.disk.create", payload, now);
    return op;
  });
  return { operations: [toOperation(operation, ctx.region)] };
};

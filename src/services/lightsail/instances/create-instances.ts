import type { CreateInstancesRequest, CreateInstancesResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { checkNames } from "../validation.js";
import { defaultKeyIfMissing } from "../key-pairs/default-key-pair.js";
import { checkInstanceExtras, insertNewInstances } from "./new-instance.js";
import { checkBootable, checkPlacement } from "./placement.js";

export const createInstances: Handler<CreateInstancesRequest, CreateInstancesResult> = async (ctx, input) => {
  const names = input.instanceNames!;
  checkNames(names, "instance");
  const ipAddressType = input.ipAddressType ?? "dualstack";
  const { blueprint, bundle } = checkPlacement(ctx.region, input.availabilityZone!, input.bundleId!, input.blueprintId!, ipAddressType);
  checkBootable(blueprint.blueprintId, ctx.settings.images);
  checkInstanceExtras(ctx.region, input);
  const defaultKey = await defaultKeyIfMissing(ctx, input.keyPairName);
  const operations = await ctx.transaction((tx) =>
    insertNewInstances(tx, ctx, ctx.clock.now(), {
      names,
      zone: input.availabilityZone!,
      blueprint,
      bundle,
      userData: input.userData,
      keyPairName: input.keyPairName,
      defaultKey,
      tags: input.tags,
      addOns: input.addOns,
      ipAddressType,
      operationType: "CreateInstance",
    }),
  );
  return { operations };
};

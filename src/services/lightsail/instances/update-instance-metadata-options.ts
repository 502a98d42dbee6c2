import type { UpdateInstanceMetadataOptionsRequest, UpdateInstanceMetadataOptionsResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { invalidInput } from "../errors.js";
import { findInstance, instanceOperation } from "./lookup.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

const MIN_HOPS = 1;
const MAX_HOPS = 64;
/** The API reference: httpProtocolIpv6 "is available only for instances in the Europe (Stockholm) Region". */
const IPV6_ENDPOINT_REGIONS = ["eu-north-1"];

/**
 * Writes the new options with `state: pending` and a Started operation; a job marks them
 * `applied` and ends the operation, as soon as the worker gets to it. As the API reference says,
 * a missing `httpTokens` means `optional`, while the other options keep their value.
 */
export const updateInstanceMetadataOptions: Handler<UpdateInstanceMetadataOptionsRequest, UpdateInstanceMetadataOptionsResult> = async (
  ctx,
  input,
) => {
  const hops = input.httpPutResponseHopLimit;
  if (hops !== undefined && (!Number.isInteger(hops) || hops < MIN_HOPS || hops > MAX_HOPS)) {
    throw invalidInput(`The httpPutResponseHopLimit value ${hops} is not valid; use an integer from ${MIN_HOPS} to ${MAX_HOPS}.`);
  }
  if (input.httpProtocolIpv6 !== undefined && !IPV6_ENDPOINT_REGIONS.includes(ctx.region)) {
    throw invalidInput(`The httpProtocolIpv6 option is available only in ${IPV6_ENDPOINT_REGIONS.join(", ")}, not in ${ctx.region}.`);
  }
  const operation = await ctx.transaction(async (tx) => {
    const record = await findInstance(tx, ctx, input.instanceName!);
    const now = ctx.clock.now();
    const current = record.metadataOptions;
    await tx.instances.update(ctx, {
      ...record,
      metadataOptions: {
        state: "pending",
        httpTokens: input.httpTokens ?? "optional",
        httpEndpoint: input.httpEndpoint ?? current.httpEndpoint,
        httpPutResponseHopLimit: hops ?? current.httpPutResponseHopLimit,
        httpProtocolIpv6: input.httpProtocolIpv6 ?? current.httpProtocolIpv6,
      },
    });
    const op = await instanceOperation(tx, ctx, now, record, "UpdateInstanceMetadataOptions");
    await enqueue(tx, ctx, "lightsail.instance.metadata-options", { name: record.name, computeId: record.computeId, operationIds: [op.id] }, now);
    return op;
  });
  return { operation };
};

import type { DescribeInstancesRequest, DescribeInstancesResult, Reservation } from "@aws-sdk/client-ec2";
import type { Handler } from "../../context.js";
import { invalidParameterCombination } from "../errors.js";
import { filterPredicate, narrowing } from "../filters.js";
import { checkIds } from "../ids.js";
import { pageLimit, pageStart } from "../paging.js";
import { instanceFilters } from "./instance-filters.js";
import { instancePage } from "./instance-page.js";
import { toInstance } from "./view.js";
import { dryRun } from "../request.js";

export const describeInstances: Handler<DescribeInstancesRequest, DescribeInstancesResult> = async (ctx, input) => {
  const ids = checkIds("instance", input.InstanceIds);
  if (ids.length > 0 && input.MaxResults !== undefined) {
    throw invalidParameterCombination("The parameter instancesSet cannot be used with the parameter maxResults");
  }
  const keep = filterPredicate(input.Filters, instanceFilters);
  const limit = pageLimit(input.MaxResults);
  const after = pageStart(input.NextToken);
  dryRun(input);
  const { items, nextToken } = await ctx.read((tx) => instancePage(tx, ctx, ids, keep, limit, after, narrowing(input.Filters, instanceFilters)));
  const reservations = new Map<string, Reservation>();
  for (const { instance, volumes } of items) {
    let reservation = reservations.get(instance.reservationId);
    if (!reservation) {
      reservation = { ReservationId: instance.reservationId, OwnerId: instance.ownerId, Groups: [], Instances: [] };
      reservations.set(instance.reservationId, reservation);
    }
    reservation.Instances!.push(toInstance(instance, volumes, ctx.region));
  }
  return { Reservations: [...reservations.values()], NextToken: nextToken };
};

import type { AvailabilityZone, DescribeAvailabilityZonesRequest, DescribeAvailabilityZonesResult } from "@aws-sdk/client-ec2";
import type { Handler } from "../../context.js";
import { invalidZone } from "../errors.js";
import { filterPredicate, type FilterFields } from "../filters.js";
import { dryRun } from "../request.js";
import { zoneId, zonesOf } from "./zones.js";

const zoneFilters: FilterFields<AvailabilityZone> = {
  fields: {
    "zone-name": (z) => z.ZoneName,
    "zone-id": (z) => z.ZoneId,
    "region-name": (z) => z.RegionName,
    state: (z) => z.State,
    "zone-type": (z) => z.ZoneType,
    "group-name": (z) => z.GroupName,
    "opt-in-status": (z) => z.OptInStatus,
    "network-border-group": (z) => z.NetworkBorderGroup,
  },
};

/** The region's Availability Zones, the same ones Lightsail offers. */
export const describeAvailabilityZones: Handler<DescribeAvailabilityZonesRequest, DescribeAvailabilityZonesResult> = async (ctx, input) => {
  const zones: AvailabilityZone[] = zonesOf(ctx.region).map((name) => ({
    ZoneName: name, ZoneId: zoneId(ctx.region, name), RegionName: ctx.region, State: "available", OptInStatus: "opt-in-not-required",
    Messages: [], GroupName: ctx.region, NetworkBorderGroup: ctx.region, ZoneType: "availability-zone",
  }));
  for (const name of input.ZoneNames ?? []) if (!zones.some((z) => z.ZoneName === name)) throw invalidZone(name);
  for (const id of input.ZoneIds ?? []) if (!zones.some((z) => z.ZoneId === id)) throw invalidZone(id);
  const matches = filterPredicate(input.Filters, zoneFilters);
  dryRun(input);
  const wanted = (z: AvailabilityZone) =>
    (!input.ZoneNames?.length || input.ZoneNames.includes(z.ZoneName!)) && (!input.ZoneIds?.length || input.ZoneIds.includes(z.ZoneId!));
  return { AvailabilityZones: zones.filter((z) => wanted(z) && matches(z)) };
};

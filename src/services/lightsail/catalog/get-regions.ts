import type { GetRegionsRequest, GetRegionsResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { regions } from "../../../catalog/regions.js";
import { toRegion } from "./view.js";

/** Every Lightsail region, whichever region the request was signed for. */
export const getRegions: Handler<GetRegionsRequest, GetRegionsResult> = async (_ctx, input) => ({
  regions: regions.map((r) => toRegion(r, !!input.includeAvailabilityZones, !!input.includeRelationalDatabaseAvailabilityZones)),
});

import type { DescribeInstanceStatusRequest, DescribeInstanceStatusResult, InstanceStatus, InstanceStatusSummary } from "@aws-sdk/client-ec2";
import type { Handler } from "../../context.js";
import { invalidParameterCombination } from "../errors.js";
import { filterPredicate, type FilterFields } from "../filters.js";
import { checkIds } from "../ids.js";
import { pageLimit, pageStart } from "../paging.js";
import type { InstanceWithVolumes } from "./instance-filters.js";
import { instancePage } from "./instance-page.js";
import { toInstanceState } from "./view.js";
import { dryRun } from "../request.js";

/** A running sim instance passes both checks at once; other states have no checks to show. */
const checks = (running: boolean): InstanceStatusSummary =>
  running ? { Status: "ok", Details: [{ Name: "reachability", Status: "passed" }] } : { Status: "not-applicable" };

const statusFilters: FilterFields<InstanceWithVolumes> = {
  fields: {
    "availability-zone": (x) => x.instance.availabilityZone,
    "instance-state-name": (x) => x.instance.state,
    "instance-state-code": (x) => toInstanceState(x.instance.state).Code,
    "instance-status.status": (x) => checks(x.instance.state === "running").Status,
    "instance-status.reachability": (x) => checks(x.instance.state === "running").Details?.[0]?.Status,
    "system-status.status": (x) => checks(x.instance.state === "running").Status,
    "system-status.reachability": (x) => checks(x.instance.state === "running").Details?.[0]?.Status,
  },
};

function toStatus({ instance }: InstanceWithVolumes): InstanceStatus {
  const running = instance.state === "running";
  return {
    InstanceId: instance.instanceId,
    AvailabilityZone: instance.availabilityZone,
    InstanceState: toInstanceState(instance.state),
    InstanceStatus: checks(running),
    SystemStatus: checks(running),
    AttachedEbsStatus: running ? { Status: "ok", Details: [{ Name: "reachability", Status: "passed" }] } : { Status: "not-applicable" },
    Events: [],
  };
}

/** Running instances only, unless IncludeAllInstances; ids must exist. */
export const describeInstanceStatus: Handler<DescribeInstanceStatusRequest, DescribeInstanceStatusResult> = async (ctx, input) => {
  const ids = checkIds("instance", input.InstanceIds);
  if (ids.length > 0 && input.MaxResults !== undefined) {
    throw invalidParameterCombination("The parameter instancesSet cannot be used with the parameter maxResults");
  }
  const matches = filterPredicate(input.Filters, statusFilters);
  const keep = (x: InstanceWithVolumes) => (input.IncludeAllInstances === true || x.instance.state === "running") && matches(x);
  const limit = pageLimit(input.MaxResults);
  const after = pageStart(input.NextToken);
  dryRun(input);
  const { items, nextToken } = await ctx.read((tx) => instancePage(tx, ctx, ids, keep, limit, after));
  return { InstanceStatuses: items.map(toStatus), NextToken: nextToken };
};

/** At most this many ids per log line, each cut to MAX_ID_CHARS: the log quotes client input. */
export const MAX_IDS = 10;
export const MAX_ID_CHARS = 100;

/** Input members that name a resource but not the one a request is about (catalogue choices). */
const NOT_SUBJECTS = new Set(["blueprintId", "bundleId", "regionName", "availabilityZone", "ClientToken"]);

/** Whether an input member names resources: `instanceName(s)`, `SnapshotId(s)`, `resourceName`, EC2 tags' `Resources`. */
const namesResources = (key: string) => !NOT_SUBJECTS.has(key) && (/(Name|Id)s?$/.test(key) || key === "Resources");

/**
 * The names and ids a decoded input is about, for the request's log line: members named `…Name(s)`
 * or `…Id(s)` at the top level and one level down (EC2's `InstanceSpecification.InstanceId`),
 * bounded in count and length. Read from the decoded input, so no handler has to report them.
 */
export function resourceIds(input: unknown): string[] | undefined {
  const ids: string[] = [];
  const add = (value: unknown) => {
    if (ids.length >= MAX_IDS) return;
    if (typeof value === "string") ids.push(value.length > MAX_ID_CHARS ? `${value.slice(0, MAX_ID_CHARS)}…` : value);
    else if (Array.isArray(value)) for (let i = 0; i < value.length && ids.length < MAX_IDS; i++) add(value[i]);
  };
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== "object" || Array.isArray(value)) return;
    for (const [key, member] of Object.entries(value)) {
      if (ids.length >= MAX_IDS) break;
      if (namesResources(key)) add(member);
      else if (depth === 0 && member && typeof member === "object" && !Array.isArray(member)) visit(member, 1);
    }
  };
  visit(input, 0);
  return ids.length ? ids : undefined;
}

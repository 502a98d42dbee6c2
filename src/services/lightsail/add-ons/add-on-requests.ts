import type { AddOnRequest } from "@aws-sdk/client-lightsail";
import { uuid } from "../../../core/ids.js";
import type { AddOnRecord } from "../../../state/records.js";
import { regionInfo } from "../../../catalog/regions.js";
import { invalidInput } from "../errors.js";

const TIME_OF_DAY = /^([01][0-9]|2[0-3]):00$/;

/** Each region's default automatic snapshot time (UTC), when a request names none. */
const DEFAULT_SNAPSHOT_TIME: Record<string, string> = {
  "us-east-1": "06:00", "us-east-2": "03:00", "us-west-2": "06:00", "ca-central-1": "06:00",
  "eu-central-1": "20:00", "eu-west-1": "22:00", "eu-west-2": "06:00", "eu-west-3": "07:00", "eu-north-1": "08:00",
  "ap-south-1": "17:00", "ap-northeast-1": "13:00", "ap-northeast-2": "13:00", "ap-southeast-1": "14:00", "ap-southeast-2": "12:00",
};

export const defaultSnapshotTime = (region: string) => DEFAULT_SNAPSHOT_TIME[regionInfo(region).name] ?? "06:00";

export function checkSnapshotTimeOfDay(time: string) {
  if (!TIME_OF_DAY.test(time)) {
    throw invalidInput(`The snapshot time of day '${time}' is not valid. Use HH:00 in UTC, on the hour, from 00:00 to 23:00.`);
  }
}

function positiveNumber(value: string | undefined, what: string) {
  if (value === undefined) return;
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) throw invalidInput(`The StopInstanceOnIdle ${what} '${value}' must be a positive number.`);
}

/** Turns add-on requests into the add-ons a resource records, rejecting what the service rejects. */
export function addOnsFromRequests(requests: AddOnRequest[] | undefined, region: string, resourceKind: "instance" | "disk"): AddOnRecord[] {
  const out: AddOnRecord[] = [];
  for (const r of requests ?? []) {
    if (out.some((a) => a.name === r.addOnType)) throw invalidInput(`The add-on ${r.addOnType} appears more than once in the request.`);
    out.push(addOnFromRequest(r, region, resourceKind));
  }
  return out;
}

export function addOnFromRequest(r: AddOnRequest, region: string, resourceKind: "instance" | "disk"): AddOnRecord {
  if (r.addOnType === "AutoSnapshot") {
    const time = r.autoSnapshotAddOnRequest?.snapshotTimeOfDay ?? defaultSnapshotTime(region);
    checkSnapshotTimeOfDay(time);
    return { name: "AutoSnapshot", status: "Enabled", snapshotTimeOfDay: time, scheduleId: uuid() };
  }
  if (resourceKind === "disk") throw invalidInput(`The add-on ${r.addOnType} is available for instances only.`);
  const { threshold, duration } = r.stopInstanceOnIdleRequest ?? {};
  positiveNumber(threshold, "threshold");
  positiveNumber(duration, "duration");
  return { name: "StopInstanceOnIdle", status: "Enabled", threshold: threshold ?? "5", duration: duration ?? "60", scheduleId: uuid() };
}

/** Lightsail takes no automatic snapshots of Windows instances. */
export function checkAutoSnapshotPlatform(addOns: AddOnRecord[], platform: string, blueprintId: string) {
  if (platform === "WINDOWS" && addOns.some((a) => a.name === "AutoSnapshot")) {
    throw invalidInput(`Automatic snapshots are not supported for Windows instances; the blueprint ${blueprintId} is a Windows one.`);
  }
}

import { nextTimeOfDay } from "../../../core/daily.js";
import type { AddOnRecord } from "../../../state/records.js";
import type { Tx } from "../../../state/store.js";
import type { AutoSnapshotJobPayload } from "../../../worker/jobs/auto-snapshot.js";
import { IDLE_CHECK_MS, type StopIdlePayload } from "../../../worker/jobs/stop-idle.js";
import { enqueue } from "../../../worker/jobs/kinds.js";
import type { JobOrigin } from "../../../worker/job.js";

/** A time of day set less than 30 minutes ahead takes effect the next day (aws-facts §2.10). */
const LEAD_MS = 30 * 60_000;

export const firstAutoSnapshotAt = (now: number, snapshotTimeOfDay: string) => nextTimeOfDay(now + LEAD_MS, snapshotTimeOfDay);

export interface ScheduledResource {
  resourceType: "Instance" | "Disk";
  name: string;
  arn: string;
}

/**
 * Starts the background schedule of newly enabled add-ons: the daily automatic snapshot, the idle
 * check. Each schedule ends by itself once its add-on (by `scheduleId`) or resource is gone.
 */
export async function scheduleAddOns(tx: Tx, scope: JobOrigin, resource: ScheduledResource, addOns: AddOnRecord[], now: number) {
  for (const a of addOns) {
    if (!a.scheduleId) continue;
    if (a.name === "AutoSnapshot") {
      const dueAt = firstAutoSnapshotAt(now, a.snapshotTimeOfDay!);
      const payload: AutoSnapshotJobPayload = {
        resourceType: resource.resourceType, resourceName: resource.name, resourceArn: resource.arn, scheduleId: a.scheduleId, dueAt,
      };
      await enqueue(tx, scope, "lightsail.addon.auto-snapshot", payload, dueAt, { recurring: true });
    } else if (resource.resourceType === "Instance") {
      const payload: StopIdlePayload = { instanceName: resource.name, instanceArn: resource.arn, scheduleId: a.scheduleId, checkedAt: now };
      await enqueue(tx, scope, "lightsail.addon.stop-idle", payload, now + IDLE_CHECK_MS, { recurring: true });
    }
  }
}

import type { InstanceRecord, PortRecord } from "../../../state/records.js";
import type { Tx } from "../../../state/store.js";
import type { InstancePortsPayload } from "../../../worker/jobs/instance-ports.js";
import { enqueue } from "../../../worker/jobs/kinds.js";
import type { JobOrigin } from "../../../worker/job.js";

/** Saves an instance's new firewall rules and queues the job that gives them to its machine. */
export async function changePorts(tx: Tx, scope: JobOrigin, record: InstanceRecord, ports: PortRecord[], now: number) {
  await tx.instances.update(scope, { ...record, ports });
  const payload: InstancePortsPayload = { name: record.name, computeId: record.computeId };
  await enqueue(tx, scope, "lightsail.instance.ports", payload, now);
}

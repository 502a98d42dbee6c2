import type { Scope } from "../../../core/scope.js";
import type { InstanceRecord, PortRecord } from "../../../state/records.js";
import type { Tx } from "../../../state/store.js";
import { INSTANCE_PORTS_JOB, type InstancePortsPayload } from "../../../worker/jobs/instance-ports.js";

/** Saves an instance's new firewall rules and queues the job that gives them to its machine. */
export async function changePorts(tx: Tx, scope: Scope, record: InstanceRecord, ports: PortRecord[], now: number) {
  await tx.instances.update(scope, { ...record, ports });
  const payload: InstancePortsPayload = { name: record.name, computeId: record.computeId };
  await tx.jobs.enqueue(scope, INSTANCE_PORTS_JOB, { ...payload }, now);
}

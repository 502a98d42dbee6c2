import type { Operation, OperationType } from "@aws-sdk/client-lightsail";
import type { Scope } from "../../../core/scope.js";
import type { InstanceRecord, InstanceStateName } from "../../../state/records.js";
import type { Tx } from "../../../state/store.js";
import { invalidState, notFound } from "../errors.js";
import { recordOperation } from "../../../state/operations.js";
import { toOperation } from "../operations/operation.js";

/** The instance of that name, or NotFoundException. */
export async function findInstance(tx: Tx, scope: Scope, name: string): Promise<InstanceRecord> {
  const record = await tx.instances.get(scope, name);
  if (!record) throw notFound("Instance", name);
  return record;
}

/** Throws OperationFailureException naming the instance and its state unless the state is one of `allowed`. */
export function requireState(record: InstanceRecord, allowed: readonly InstanceStateName[], action: string) {
  if (!allowed.includes(record.state)) throw invalidState("Instance", record.name, record.state, action, allowed);
}

/** Records one Operation on an instance and returns it in SDK shape, with its id for a job payload. */
export async function instanceOperation(
  tx: Tx,
  scope: Scope,
  now: number,
  record: InstanceRecord,
  operationType: OperationType,
  options: { operationDetails?: string; done?: boolean } = {},
): Promise<Operation & { id: string }> {
  const op = await recordOperation(tx, scope, now, {
    resourceName: record.name,
    resourceType: "Instance",
    availabilityZone: record.availabilityZone,
    operationType,
    ...options,
  });
  return { ...toOperation(op, scope.region), id: op.id };
}

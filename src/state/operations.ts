import type { OperationType, ResourceType } from "@aws-sdk/client-lightsail";
import { uuid } from "../core/ids.js";
import type { Scope } from "../core/scope.js";
import type { OperationRecord } from "./records.js";
import type { Tx } from "./store.js";

export interface NewOperation {
  resourceName: string;
  resourceType: ResourceType;
  availabilityZone: string;
  operationType: OperationType | string;
  operationDetails?: string;
  /** Finished when the call returns (no background work), as for RebootInstance or DeleteKeyPair. */
  done?: boolean;
}

/** Records an Operation: `Started` for work the worker will finish, `Succeeded` for work already done. */
export async function recordOperation(tx: Tx, scope: Scope, now: number, op: NewOperation): Promise<OperationRecord> {
  const record: OperationRecord = {
    id: uuid(),
    resourceName: op.resourceName,
    resourceType: op.resourceType,
    createdAt: now,
    availabilityZone: op.availabilityZone,
    isTerminal: !!op.done,
    operationDetails: op.operationDetails ?? "",
    operationType: op.operationType,
    status: op.done ? "Succeeded" : "Started",
    statusChangedAt: now,
  };
  await tx.operations.insert(scope, record);
  return record;
}

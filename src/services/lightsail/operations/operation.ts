import type { Operation, OperationType, ResourceType } from "@aws-sdk/client-lightsail";
import { uuid } from "../../../core/ids.js";
import type { Scope } from "../../../core/scope.js";
import type { OperationRecord } from "../../../state/records.js";
import type { Tx } from "../../../state/store.js";
import type { ServiceSettings } from "../../context.js";
import { zonalLocation } from "../resources.js";

/** GetOperations and GetOperationsForResource return at most 200 per call (Lightsail API reference). */
export const MAX_OPERATIONS_PER_PAGE = 200;
export const operationsPageSize = (settings: ServiceSettings) => Math.min(settings.pageSize, MAX_OPERATIONS_PER_PAGE);

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

export function toOperation(r: OperationRecord, region: string): Operation {
  return {
    id: r.id,
    resourceName: r.resourceName,
    resourceType: r.resourceType as ResourceType,
    createdAt: new Date(r.createdAt),
    location: zonalLocation(region, r.availabilityZone),
    isTerminal: r.isTerminal,
    operationDetails: r.operationDetails,
    operationType: r.operationType as OperationType,
    status: r.status,
    statusChangedAt: r.statusChangedAt === undefined ? undefined : new Date(r.statusChangedAt),
    errorCode: r.errorCode,
    errorDetails: r.errorDetails,
  };
}

import type { Operation, OperationType, ResourceType } from "@aws-sdk/client-lightsail";
import type { OperationRecord } from "../../../state/records.js";
import type { ServiceSettings } from "../../context.js";
import { zonalLocation } from "../resources.js";

/** GetOperations and GetOperationsForResource return at most 200 per call (Lightsail API reference). */
export const MAX_OPERATIONS_PER_PAGE = 200;
export const operationsPageSize = (settings: ServiceSettings) => Math.min(settings.pageSize, MAX_OPERATIONS_PER_PAGE);

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

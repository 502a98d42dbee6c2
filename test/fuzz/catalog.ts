import type { ServiceModel } from "../../src/protocol/model.js";
import { ec2 } from "../../src/services/ec2/index.js";
import { lightsail } from "../../src/services/lightsail/index.js";
import type { Service } from "../../src/services/service.js";

export type ServiceName = "lightsail" | "ec2";

/** One operation of one service, as the fuzzer aims at it. */
export interface FuzzOperation {
  service: ServiceName;
  name: string;
  /** Whether the service's operation table has a handler for it (else it answers 501 NotImplementedException). */
  implemented: boolean;
  /** Its input shape in the model, when the model has it (EC2's model has only what Skiff implements). */
  input?: string;
}

export const LIGHTSAIL_PREFIX = lightsail.targetPrefix;
export const EC2_VERSION = ec2.version;
export const models: Record<ServiceName, ServiceModel> = { lightsail: lightsail.model, ec2: ec2.model };

function operationsOf(service: ServiceName, { operationNames, handlers, model }: Service): FuzzOperation[] {
  return [...operationNames]
    .sort()
    .map((name) => {
      const shapes = Object.hasOwn(model.operations, name) ? model.operations[name] : undefined;
      return { service, name, implemented: Object.hasOwn(handlers, name), ...(shapes ? { input: shapes.input } : {}) };
    });
}

/** Every operation of both services, implemented or not, in a fixed order. */
export const operations: readonly FuzzOperation[] = [
  ...operationsOf("lightsail", lightsail),
  ...operationsOf("ec2", ec2),
];

const byKey = new Map(operations.map((op) => [`${op.service} ${op.name}`, op]));

/** The operation a request names, if the service has one of that name (own names only, never prototype ones). */
export const findOperation = (service: ServiceName, name: string): FuzzOperation | undefined => byKey.get(`${service} ${name}`);

export const implementedOperations = operations.filter((op) => op.implemented);

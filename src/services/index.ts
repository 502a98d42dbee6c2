import { ec2 } from "./ec2/index.js";
import { lightsail } from "./lightsail/index.js";
import type { JsonService, QueryService, Service } from "./service.js";

/** awsJson1_1 services by X-Amz-Target prefix (STYLE: registries are tables; Maps, since the key is client input). */
export const jsonServices: ReadonlyMap<string, JsonService> = new Map([[lightsail.targetPrefix, lightsail]]);

/** Query-protocol services by API `Version`. */
export const queryServices: ReadonlyMap<string, QueryService> = new Map([[ec2.version, ec2]]);

/** Every service the dispatch path answers, whatever its protocol. */
export const services: readonly Service[] = [...jsonServices.values(), ...queryServices.values()];

/** An own entry of a table keyed by client input: never `toString`, `constructor` or `__proto__` of the prototype. */
export const ownEntry = <V>(table: Readonly<Record<string, V>>, key: string): V | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

export interface OperationCoverage {
  /** The service's name (`Lightsail`, `EC2`). */
  service: string;
  /** The AWS operation, as the official model names it. */
  operation: string;
  /** Whether Skiff answers it with a handler (else NotImplementedException, HTTP 501). */
  implemented: boolean;
}

/**
 * Every operation of every service, implemented or not, sorted by service then operation: read from
 * the same tables the server dispatches with, so docs/coverage.md cannot disagree with the server.
 */
export function operationCoverage(): OperationCoverage[] {
  return [...services]
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((s) =>
      [...s.operationNames].sort().map((operation) => ({ service: s.name, operation, implemented: ownEntry(s.handlers, operation) !== undefined })),
    );
}

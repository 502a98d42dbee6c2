import { ec2 } from "./ec2/index.js";
import { lightsail } from "./lightsail/index.js";
import type { JsonService, QueryService } from "./service.js";

/** awsJson1_1 services by X-Amz-Target prefix (STYLE: registries are tables; Maps, since the key is client input). */
export const jsonServices: ReadonlyMap<string, JsonService> = new Map([[lightsail.targetPrefix, lightsail]]);

/** Query-protocol services by API `Version`. */
export const queryServices: ReadonlyMap<string, QueryService> = new Map([[ec2.version, ec2]]);

/** An own entry of a table keyed by client input: never `toString`, `constructor` or `__proto__` of the prototype. */
export const ownEntry = <V>(table: Readonly<Record<string, V>>, key: string): V | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

import { ec2 } from "./ec2/index.js";
import { lightsail } from "./lightsail/index.js";
import type { JsonService, QueryService } from "./service.js";

/** awsJson1_1 services by X-Amz-Target prefix (STYLE: registries are tables). */
export const jsonServices: Record<string, JsonService> = {
  [lightsail.targetPrefix]: lightsail,
};

/** Query-protocol services by API `Version`. */
export const queryServices: Record<string, QueryService> = {
  [ec2.version]: ec2,
};

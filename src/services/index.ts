import { lightsail } from "./lightsail/index.js";
import type { JsonService } from "./service.js";

/** awsJson1_1 services by X-Amz-Target prefix (STYLE: registries are tables). */
export const jsonServices: Record<string, JsonService> = {
  [lightsail.targetPrefix]: lightsail,
};

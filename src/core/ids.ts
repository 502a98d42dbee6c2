import { randomBytes, randomUUID } from "node:crypto";

export const uuid = () => randomUUID();

/** EC2-style ids: a prefix and 17 lower-case hex digits (`vol-049df61146c4d7901`). */
export const ec2Id = (prefix: string) => `${prefix}-0${randomBytes(8).toString("hex")}`;

export const requestId = () => randomUUID();

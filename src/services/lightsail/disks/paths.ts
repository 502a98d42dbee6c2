import { invalidInput } from "../errors.js";

/**
 * Where a block disk can appear on an instance: /dev/xvdf … /dev/xvdt (or the same letters as
 * /dev/sdf …): fifteen devices, so an instance can have at most Lightsail's fifteen attached disks.
 * /dev/xvda is the system disk.
 */
const DISK_PATH = /^\/dev\/(?:xvd|sd)([f-t])$/;

export function checkDiskPath(path: string) {
  if (!DISK_PATH.test(path)) {
    throw invalidInput(`The disk path '${path}' is not valid. Use one of /dev/xvdf through /dev/xvdt (or /dev/sdf through /dev/sdt).`);
  }
}

/** The device letter a path names; /dev/xvdf and /dev/sdf are the same device. */
export const deviceLetter = (path: string) => DISK_PATH.exec(path)?.[1];

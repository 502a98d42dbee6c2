import { invalidParameterValue } from "../errors.js";

const DEVICE = /^(\/dev\/)?(sd[a-z][a-z]?\d*|xvd[a-z][a-z]?\d*)$/;

/** A device name a data volume can be attached at (`/dev/sdf`, `xvdg` …), as EC2 accepts them for Linux instances. */
export function checkDevice(device: string): string {
  if (!DEVICE.test(device)) throw invalidParameterValue(`Value (${device}) for parameter device is invalid. ${device} is not a valid EBS device name.`);
  return device;
}

export const deviceInUse = (device: string) =>
  invalidParameterValue(`Invalid value '${device}' for unixDevice. Attachment point ${device} is already in use`);

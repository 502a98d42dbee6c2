import { invalidParameterValue } from "../errors.js";

const DEVICE = /^(\/dev\/)?(sd[a-z][a-z]?\d*|xvd[a-z][a-z]?\d*)$/;

/** A device name a data volume can be attached at (`/dev/sdf`, `xvdg` …), as EC2 accepts them for Linux instances. */
export function checkDevice(device: string): string {
  if (!DEVICE.test(device)) throw invalidParameterValue(`Value (${device}) for parameter device is invalid. ${device} is not a valid EBS device name.`);
  return device;
}

export const deviceInUse = (device: string) =>
  invalidParameterValue(`Invalid value '${device}' for unixDevice. Attachment point ${device} is already in use`);

/** Drivers keep /dev/xvda for an instance's system disk, whatever the AMI calls its root device. */
export function checkDataDevice(device: string, rootDeviceName: string, reject: (message: string) => Error = invalidParameterValue) {
  if (device.replace(/^\/dev\//, "") === "xvda" && rootDeviceName !== "/dev/xvda") {
    throw reject(`Skiff keeps /dev/xvda for the root device of every instance; attach data volumes at /dev/sdf-/dev/sdp or /dev/xvdf-/dev/xvdp.`);
  }
}

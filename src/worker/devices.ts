import { DriverError, SYSTEM_DEVICE, type AttachedDisk, type ComputeDriver } from "../compute/driver.js";

/** The instance's disks, or undefined when the driver has no such instance (destroyed, or unknown to it). */
async function disksOf(driver: ComputeDriver, instanceId: string): Promise<AttachedDisk[] | undefined> {
  try {
    return await driver.instanceDisks(instanceId);
  } catch (e) {
    if (e instanceof DriverError) return undefined;
    throw e;
  }
}

/**
 * Attaches a disk unless it is there already: a job run again after a restart, or an EC2 root
 * volume attached back to its instance, which never let go of its system disk.
 */
export async function attachOnce(driver: ComputeDriver, instanceId: string, disk: AttachedDisk) {
  const disks = await disksOf(driver, instanceId);
  if (disks?.some((d) => d.diskId === disk.diskId && (d.devicePath === disk.devicePath || d.devicePath === SYSTEM_DEVICE))) return;
  await driver.attachDisk(instanceId, disk);
}

/**
 * Detaches a disk if it is still attached there: a repeated job, or an instance already destroyed,
 * finds nothing to do. A system disk stays with its instance (drivers boot from it): detaching an
 * EC2 root volume changes only the record.
 */
export async function detachIfAttached(driver: ComputeDriver, instanceId: string, disk: AttachedDisk) {
  const disks = await disksOf(driver, instanceId);
  if (!disks?.some((d) => d.diskId === disk.diskId && d.devicePath === disk.devicePath && d.devicePath !== SYSTEM_DEVICE)) return;
  await driver.detachDisk(instanceId, disk.devicePath);
}

/** What to write into an instance record once the driver has (re)booted it: its real addresses, where the driver assigns them. */
export async function assignedAddresses(driver: ComputeDriver, instanceId: string, hasPublic: boolean) {
  if (!driver.info().assignsAddresses) return undefined;
  const a = await driver.addresses(instanceId);
  return a && { privateIpAddress: a.privateIpAddress, ...(hasPublic ? { publicIpAddress: a.publicIpAddress } : {}) };
}

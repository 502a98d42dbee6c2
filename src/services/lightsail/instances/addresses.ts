import { randomInt } from "node:crypto";

/**
 * Addresses the sim driver hands out: private ones in Lightsail's 172.26.0.0/16, public ones in the
 * documentation ranges (TEST-NET-2/3 and 2001:db8::/32), so nothing ever routes to a real host.
 */
export const privateAddress = () => `172.26.${randomInt(0, 256)}.${randomInt(1, 255)}`;

const randomPublicAddress = () => `${randomInt(0, 2) === 0 ? "198.51.100" : "203.0.113"}.${randomInt(1, 255)}`;

/** A public IPv4 address; never `previous`, so that a start visibly changes it as on the real service. */
export function publicAddress(previous?: string): string {
  for (;;) {
    const address = randomPublicAddress();
    if (address !== previous) return address;
  }
}

export const ipv6Address = () =>
  ["2001", "db8", ...Array.from({ length: 6 }, () => randomInt(0, 0x10000).toString(16))].join(":");

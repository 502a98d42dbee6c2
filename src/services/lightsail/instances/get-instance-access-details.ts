import { createHash } from "node:crypto";
import type { GetInstanceAccessDetailsRequest, GetInstanceAccessDetailsResult, InstanceAccessDetails } from "@aws-sdk/client-lightsail";
import type { InstanceRecord, KeyPairRecord } from "../../../state/records.js";
import type { Handler } from "../../context.js";
import { findBlueprint } from "../../../catalog/blueprints.js";
import { invalidInput } from "../errors.js";
import { findInstance, requireState } from "./lookup.js";

/** How long the access details are said to be good for ([U]: the real lifetime is not documented). */
const VALIDITY_MS = 12 * 3600_000;

/**
 * How to reach a running instance. The real service hands out a short-lived key pair and an SSH
 * certificate (`certKey`) signed by a CA that its instances trust. Skiff's instances trust only
 * their key pair's public key, so:
 * - with the default key pair, `privateKey` is that key pair's private key (as DownloadDefaultKeyPair gives it);
 * - with a key pair of the user's own, Skiff never had the private key: `privateKey` is absent and
 *   the user connects with the key they hold. `certKey` and `hostKeys` are never given (GAPS.md).
 * RDP (Windows blueprints) gives the Administrator password for the default key pair only, as the
 * real service documents.
 */
export const getInstanceAccessDetails: Handler<GetInstanceAccessDetailsRequest, GetInstanceAccessDetailsResult> = async (ctx, input) => {
  const protocol = input.protocol ?? "ssh";
  const { record, keyPair } = await ctx.read(async (tx) => {
    const record = await findInstance(tx, ctx, input.instanceName!);
    return { record, keyPair: await tx.keyPairs.get(ctx, record.sshKeyName) };
  });
  const platform = findBlueprint(record.blueprintId)?.platform ?? "LINUX_UNIX";
  const wanted = platform === "WINDOWS" ? "rdp" : "ssh";
  if (protocol !== wanted) {
    throw invalidInput(`The instance ${record.name} runs ${platform === "WINDOWS" ? "Windows" : "Linux/Unix"}; use the protocol ${wanted}, not ${protocol}.`);
  }
  requireState(record, ["running"], "GetInstanceAccessDetails");
  const defaultKey = keyPair?.isDefault && keyPair.privateKey ? keyPair : undefined;
  const accessDetails: InstanceAccessDetails = {
    instanceName: record.name,
    protocol,
    username: findBlueprint(record.blueprintId)?.username ?? "ec2-user",
    ipAddress: record.publicIpAddress ?? record.ipv6Addresses[0],
    ipv6Addresses: record.ipv6Addresses,
    expiresAt: new Date(ctx.clock.now() + VALIDITY_MS),
    ...(protocol === "ssh" ? { privateKey: defaultKey?.privateKey } : rdpPassword(record, defaultKey)),
  };
  return { accessDetails };
};

/**
 * A simulated Windows instance has no real Administrator password; with the default key pair Skiff
 * gives one that is stable for the instance. With another key pair the real service leaves
 * `password` empty and puts the password, encrypted to that key, in `passwordData.ciphertext`;
 * Skiff names the key pair but has no ciphertext to give (GAPS.md).
 */
function rdpPassword(record: InstanceRecord, defaultKey: KeyPairRecord | undefined): InstanceAccessDetails {
  if (!defaultKey) return { password: "", passwordData: { keyPairName: record.sshKeyName } };
  return { password: createHash("sha256").update(`${record.arn}/${record.computeId}`).digest("base64url").slice(0, 24) };
}

import type { CreateVolumePermission, ModifySnapshotAttributeRequest } from "@aws-sdk/client-ec2";
import type { Handler } from "../../context.js";
import { invalidParameterCombination, invalidParameterValue, missingParameter } from "../errors.js";
import { dryRun } from "../request.js";
import { ownSnapshot } from "./lookup.js";

const ACCOUNT = /^\d{12}$/;

/**
 * Shares a snapshot (createVolumePermission) with accounts or with everyone (group `all`), or
 * stops sharing it, in either of EC2's two forms: CreateVolumePermission.Add/Remove, or
 * OperationType with UserIds/GroupNames.
 */
export const modifySnapshotAttribute: Handler<ModifySnapshotAttributeRequest, void> = async (ctx, input) => {
  if (input.Attribute !== undefined && input.Attribute !== "createVolumePermission") {
    throw invalidParameterValue(`Skiff's snapshots have no ${input.Attribute} to modify: only createVolumePermission can be changed.`);
  }
  const { add, remove } = changesOf(input);
  await ctx.transaction(async (tx) => {
    const snapshot = await ownSnapshot(tx, ctx, input.SnapshotId!);
    if (snapshot.encrypted && add.includes("all")) throw invalidParameterValue(`Encrypted snapshot '${snapshot.snapshotId}' cannot be made public.`);
    dryRun(input);
    const permissions = [...new Set([...snapshot.createVolumePermissions, ...add])].filter((p) => !remove.includes(p));
    await tx.ec2Snapshots.update(ctx, { ...snapshot, createVolumePermissions: permissions });
  });
};

function changesOf(input: ModifySnapshotAttributeRequest): { add: string[]; remove: string[] } {
  const flat = input.OperationType !== undefined || input.UserIds !== undefined || input.GroupNames !== undefined;
  if (flat && input.CreateVolumePermission !== undefined) {
    throw invalidParameterCombination("Give either CreateVolumePermission or OperationType with UserIds/GroupNames, not both.");
  }
  if (flat) {
    if (input.OperationType === undefined) throw missingParameter("OperationType");
    const grantees = [...(input.UserIds ?? []).map((u, i) => grantee({ UserId: u }, `UserId.${i + 1}`)), ...(input.GroupNames ?? []).map((g, i) => grantee({ Group: g as "all" }, `UserGroup.${i + 1}`))];
    if (grantees.length === 0) throw missingParameter("UserId");
    return input.OperationType === "add" ? { add: grantees, remove: [] } : { add: [], remove: grantees };
  }
  const change = input.CreateVolumePermission;
  if (!change || ((change.Add ?? []).length === 0 && (change.Remove ?? []).length === 0)) throw missingParameter("CreateVolumePermission");
  return {
    add: (change.Add ?? []).map((p, i) => grantee(p, `CreateVolumePermission.Add.${i + 1}`)),
    remove: (change.Remove ?? []).map((p, i) => grantee(p, `CreateVolumePermission.Remove.${i + 1}`)),
  };
}

function grantee(p: CreateVolumePermission, parameter: string): string {
  if ((p.UserId === undefined) === (p.Group === undefined)) throw invalidParameterValue(`${parameter} needs exactly one of UserId and Group.`);
  if (p.Group !== undefined) {
    if (p.Group !== "all") throw invalidParameterValue(`Value (${p.Group}) for parameter ${parameter}.Group is invalid. Expected: 'all'.`);
    return "all";
  }
  if (!ACCOUNT.test(p.UserId!)) throw invalidParameterValue(`Value (${p.UserId}) for parameter ${parameter}.UserId is invalid. Expected: a 12-digit account id.`);
  return p.UserId!;
}

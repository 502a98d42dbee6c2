import type { DescribeKeyPairsRequest, DescribeKeyPairsResult } from "@aws-sdk/client-ec2";
import type { Ec2KeyPairRecord } from "../../../state/ec2-records.js";
import type { Handler } from "../../context.js";
import { keyPairNotFound } from "../errors.js";
import { filterPredicate, type FilterFields } from "../filters.js";
import { checkIds } from "../ids.js";
import { dryRun } from "../request.js";
import { toKeyPairInfo } from "./view.js";

const keyPairFilters: FilterFields<Ec2KeyPairRecord> = {
  tags: (k) => k.tags,
  fields: {
    "key-pair-id": (k) => k.keyPairId,
    "key-name": (k) => k.keyName,
    fingerprint: (k) => k.fingerprint,
    "key-type": (k) => k.keyType,
  },
};

/** All of the caller's EC2 key pairs (never Lightsail's), or the named ones, every one of which must exist. */
export const describeKeyPairs: Handler<DescribeKeyPairsRequest, DescribeKeyPairsResult> = async (ctx, input) => {
  const ids = checkIds("keyPair", input.KeyPairIds);
  const names = input.KeyNames ?? [];
  const matches = filterPredicate(input.Filters, keyPairFilters);
  dryRun(input);
  return ctx.read(async (tx) => {
    const all: Ec2KeyPairRecord[] = [];
    for await (const { record } of tx.ec2KeyPairs.scan(ctx)) all.push(record);
    const missing = [...names.filter((n) => !all.some((k) => k.keyName === n)), ...ids.filter((id) => !all.some((k) => k.keyPairId === id))];
    if (missing.length > 0) throw keyPairNotFound(missing[0]!);
    const wanted = (k: Ec2KeyPairRecord) =>
      (names.length === 0 && ids.length === 0) || names.includes(k.keyName) || ids.includes(k.keyPairId);
    return { KeyPairs: all.filter((k) => wanted(k) && matches(k)).map((k) => toKeyPairInfo(k, input.IncludePublicKey === true)) };
  });
};

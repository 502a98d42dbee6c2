import type { GetKeyPairRequest, GetKeyPairResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { notFound } from "../errors.js";
import { toKeyPair } from "./view.js";

export const getKeyPair: Handler<GetKeyPairRequest, GetKeyPairResult> = async (ctx, input) => {
  const record = await ctx.read((tx) => tx.keyPairs.get(ctx, input.keyPairName!));
  if (!record) throw notFound("KeyPair", input.keyPairName!);
  return { keyPair: toKeyPair(record, ctx.region) };
};

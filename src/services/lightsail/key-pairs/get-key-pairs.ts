import type { GetKeyPairsRequest, GetKeyPairsResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { nextPageToken, pageAfter } from "../paging.js";
import { toKeyPair } from "./view.js";

/** The region's key pairs in creation order; the default key pair only with includeDefaultKeyPair. */
export const getKeyPairs: Handler<GetKeyPairsRequest, GetKeyPairsResult> = async (ctx, input) => {
  const after = pageAfter(input.pageToken);
  const where: Record<string, number> = input.includeDefaultKeyPair ? {} : { is_default: 0 };
  const page = await ctx.read((tx) => tx.keyPairs.page(ctx, { after, limit: ctx.settings.pageSize, where }));
  return { keyPairs: page.items.map((r) => toKeyPair(r, ctx.region)), nextPageToken: nextPageToken(page) };
};

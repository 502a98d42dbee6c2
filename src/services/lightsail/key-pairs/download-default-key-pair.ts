import type { DownloadDefaultKeyPairRequest, DownloadDefaultKeyPairResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { defaultKeyIfMissing, ensureDefaultKeyPair } from "./default-key-pair.js";

/** The region's default key pair with its private key, made now if the region has none yet. */
export const downloadDefaultKeyPair: Handler<DownloadDefaultKeyPairRequest, DownloadDefaultKeyPairResult> = async (ctx) => {
  const key = await defaultKeyIfMissing(ctx);
  const record = await ctx.transaction((tx) => ensureDefaultKeyPair(tx, ctx, ctx.clock.now(), key));
  return { publicKeyBase64: record.publicKey, privateKeyBase64: record.privateKey, createdAt: new Date(record.createdAt) };
};

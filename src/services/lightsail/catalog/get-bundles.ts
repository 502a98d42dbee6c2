import type { AppCategory, GetBundlesRequest, GetBundlesResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { listPage, nextPageToken } from "../paging.js";
import { bundles, type BundleInfo } from "../../../catalog/bundles.js";
import { toBundle } from "./view.js";

const inCategory = (b: BundleInfo, category: AppCategory | undefined) =>
  category === undefined ? !b.supportedAppCategories?.length : !!b.supportedAppCategories?.includes(category);

/** Active bundles (all with includeInactive); Lightsail for Research ones only when asked for by appCategory. */
export const getBundles: Handler<GetBundlesRequest, GetBundlesResult> = async (ctx, input) => {
  const listed = bundles.filter((b) => (input.includeInactive || b.isActive) && inCategory(b, input.appCategory));
  const page = listPage(listed, input.pageToken, ctx.settings.pageSize);
  return { bundles: page.items.map(toBundle), nextPageToken: nextPageToken(page) };
};

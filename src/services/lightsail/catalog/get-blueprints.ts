import type { GetBlueprintsRequest, GetBlueprintsResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { listPage, nextPageToken } from "../paging.js";
import { blueprints } from "../../../catalog/blueprints.js";
import { toBlueprint } from "./view.js";

/** Active blueprints (all with includeInactive); Lightsail for Research ones only when asked for by appCategory. */
export const getBlueprints: Handler<GetBlueprintsRequest, GetBlueprintsResult> = async (ctx, input) => {
  const listed = blueprints.filter((b) => (input.includeInactive || b.isActive) && b.appCategory === input.appCategory);
  const page = listPage(listed, input.pageToken, ctx.settings.pageSize);
  return { blueprints: page.items.map(toBlueprint), nextPageToken: nextPageToken(page) };
};

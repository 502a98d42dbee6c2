import {
  GetBlueprintsCommand,
  GetBundlesCommand,
  GetKeyPairsCommand,
  LightsailClient,
  type GetBlueprintsCommandInput,
  type GetBlueprintsCommandOutput,
  type GetBundlesCommandInput,
  type GetBundlesCommandOutput,
  type GetKeyPairsCommandInput,
  type GetKeyPairsCommandOutput,
} from "@aws-sdk/client-lightsail";
import { createPaginator } from "@smithy/core";
import type { PaginationConfiguration } from "@smithy/types";

/**
 * @aws-sdk/client-lightsail ships no paginators (its Smithy model has no paginated traits; only
 * botocore's paginators-1.json lists them), so these are built the way the SDK builds every
 * generated paginator: createPaginator over pageToken / nextPageToken.
 */
interface Config extends PaginationConfiguration {
  client: LightsailClient;
}

export const paginateGetKeyPairs = createPaginator<Config, GetKeyPairsCommandInput, GetKeyPairsCommandOutput>(
  LightsailClient, GetKeyPairsCommand, "pageToken", "nextPageToken",
);
export const paginateGetBlueprints = createPaginator<Config, GetBlueprintsCommandInput, GetBlueprintsCommandOutput>(
  LightsailClient, GetBlueprintsCommand, "pageToken", "nextPageToken",
);
export const paginateGetBundles = createPaginator<Config, GetBundlesCommandInput, GetBundlesCommandOutput>(
  LightsailClient, GetBundlesCommand, "pageToken", "nextPageToken",
);

/** Every page of a paginator; fails, as botocore's paginator does, if a page token comes back twice. */
export async function allPages<O extends { nextPageToken?: string }>(pages: AsyncIterable<O>): Promise<O[]> {
  const out: O[] = [];
  const seen = new Set<string>();
  for await (const page of pages) {
    out.push(page);
    if (page.nextPageToken !== undefined) {
      if (seen.has(page.nextPageToken)) throw new Error(`page token ${page.nextPageToken} came back twice`);
      seen.add(page.nextPageToken);
    }
  }
  return out;
}

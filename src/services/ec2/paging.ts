import { decodePageToken, encodePageToken } from "../../core/paging.js";
import type { Positioned } from "../../state/store.js";
import { invalidPaginationToken, maxResultsTooSmall } from "./errors.js";

export interface PageBounds {
  min: number;
  max: number;
}

/** EC2's usual MaxResults range: 5 to 1000, larger values served as 1000 (aws-facts §4.5). */
export const DEFAULT_BOUNDS: PageBounds = { min: 5, max: 1000 };

const isSeq = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

/** The page size a request asks for; undefined means everything in one page, as EC2 does without MaxResults. */
export function pageLimit(maxResults: number | undefined, bounds = DEFAULT_BOUNDS): number | undefined {
  if (maxResults === undefined) return undefined;
  if (maxResults < bounds.min) throw maxResultsTooSmall(maxResults, bounds.min);
  return Math.min(Math.floor(maxResults), bounds.max);
}

/** Where the page a NextToken asks for starts. */
export function pageStart(nextToken: string | undefined): number {
  if (nextToken === undefined || nextToken === "") return 0;
  const after = decodePageToken(nextToken, isSeq);
  if (after === undefined) throw invalidPaginationToken(nextToken);
  return after;
}

/**
 * Records a paged call (MaxResults given) reads at most before it answers. A filter no index
 * serves reads records one by one; past this many it answers with what it found and a NextToken
 * to go on from there, as EC2 does (a page may hold fewer than MaxResults items, even none, and
 * still have a NextToken). Without MaxResults the caller asked for everything: no bound. A record
 * costs about 4 µs to read and parse at a million snapshots, so such a page takes about 2 ms
 * (docs/benchmarks.md); paging through everything costs the same whatever the budget.
 */
export const SCAN_BUDGET = 500;

/**
 * Takes records that pass `keep` from a scan in creation order until `limit` are found; the
 * NextToken is present only when more matching records may follow.
 */
export async function collectPage<R>(
  source: AsyncIterable<Positioned<R>>,
  keep: (r: R) => boolean,
  limit: number | undefined,
  budget = SCAN_BUDGET,
): Promise<{ items: R[]; nextToken?: string }> {
  const items: R[] = [];
  let last = 0;
  let read = 0;
  for await (const { seq, record } of source) {
    if (limit !== undefined && read === budget) return { items, nextToken: encodePageToken(last) };
    read++;
    if (!keep(record)) {
      last = seq;
      continue;
    }
    if (limit !== undefined && items.length === limit) return { items, nextToken: encodePageToken(last) };
    items.push(record);
    last = seq;
  }
  return { items };
}

import { decodePageToken, encodePageToken } from "../../core/paging.js";
import type { Page } from "../../state/store.js";
import { invalidPageToken } from "./errors.js";

const isSeq = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

/** Lightsail's pageToken/nextPageToken: the position after which the next page starts. */
export function pageAfter(pageToken: string | undefined): number | undefined {
  if (pageToken === undefined || pageToken === "") return undefined;
  const after = decodePageToken(pageToken, isSeq);
  if (after === undefined) throw invalidPageToken(pageToken);
  return after;
}

export const nextPageToken = <R>(page: Page<R>) => (page.next === undefined ? undefined : encodePageToken(page.next));

/** One page of a fixed list (the catalog). A token past the end of the list was not issued for it. */
export function listPage<R>(items: R[], pageToken: string | undefined, limit: number): Page<R> {
  const start = pageAfter(pageToken) ?? 0;
  if (start > items.length) throw invalidPageToken(pageToken!);
  const end = start + limit;
  return end < items.length ? { items: items.slice(start, end), next: end } : { items: items.slice(start) };
}

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

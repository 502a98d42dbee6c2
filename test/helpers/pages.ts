/**
 * Walks a Lightsail list call page by page, as botocore's paginator does (SDK v3 ships no
 * Lightsail paginators): pass each nextPageToken back until none comes, and fail if a token
 * repeats. Returns every page's items.
 */
export async function walkPages<T>(fetchPage: (pageToken: string | undefined) => Promise<{ items: T[] | undefined; nextPageToken?: string }>): Promise<T[][]> {
  const pages: T[][] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    pages.push(page.items ?? []);
    token = page.nextPageToken || undefined;
    if (token !== undefined) {
      if (seen.has(token)) throw new Error(`the page token ${token} came back twice`);
      seen.add(token);
    }
    if (pages.length > 10_000) throw new Error("more than 10000 pages");
  } while (token !== undefined);
  return pages;
}

import type { AccessKeyRecord } from "../../state/records.js";
import type { Store } from "../../state/store.js";
import type { KeyLookup } from "./sigv4.js";

/** How long a key read from the store is trusted before it is read again (another node may have deleted it). */
const KEEP_MS = 30_000;

/** Access keys by id, read from the store once and kept for a while: a signed call costs no query. */
export function cachedKeys(store: Store, hostNow: () => number): Required<KeyLookup> & { forget(accessKeyId: string): void } {
  const kept = new Map<string, { key: AccessKeyRecord; until: number }>();
  return {
    kept(accessKeyId) {
      const hit = kept.get(accessKeyId);
      return hit && hit.until > hostNow() ? hit.key : undefined;
    },
    async get(accessKeyId) {
      const key = await store.read((tx) => tx.accessKeys.get(accessKeyId));
      if (key) kept.set(accessKeyId, { key, until: hostNow() + KEEP_MS });
      else kept.delete(accessKeyId);
      return key;
    },
    forget: (accessKeyId) => void kept.delete(accessKeyId),
  };
}

import { isAccountId, newAccessKey } from "../../core/access-keys.js";
import type { Clock } from "../../core/clock.js";
import type { AccessKeyRecord } from "../../state/records.js";
import type { Store } from "../../state/store.js";

export interface KeyAdmin {
  create(account: string, admin: boolean): Promise<AccessKeyRecord>;
  /** Creates the key, or replaces the secret, account and admin flag of a key of that id. */
  put(key: { accessKeyId: string; secretAccessKey: string; account: string; admin: boolean }): Promise<AccessKeyRecord>;
  list(): Promise<AccessKeyRecord[]>;
  delete(accessKeyId: string): Promise<boolean>;
}

export class KeyError extends Error {}

/** Access keys in the state store, for `skiff keys` and /_skiff/keys; `forget` drops a key from the running server's cache. */
export function createKeyAdmin(store: Store, clock: Clock, cache: { forget(accessKeyId: string): void } = { forget: () => undefined }): KeyAdmin {
  const checkAccount = (account: string) => {
    if (!isAccountId(account)) throw new KeyError(`the account must be 12 digits, not '${String(account).slice(0, 40)}'`);
  };
  return {
    async create(account, admin) {
      checkAccount(account);
      const key = newAccessKey(account, admin, clock.now());
      await store.transaction((tx) => tx.accessKeys.insert(key));
      return key;
    },
    async put(key) {
      checkAccount(key.account);
      const record = { ...key, createdAt: clock.now() };
      await store.transaction(async (tx) => {
        const old = await tx.accessKeys.get(key.accessKeyId);
        if (old) await tx.accessKeys.delete(key.accessKeyId);
        await tx.accessKeys.insert(old ? { ...record, createdAt: old.createdAt } : record);
      });
      cache.forget(key.accessKeyId);
      return record;
    },
    list: () => store.read((tx) => tx.accessKeys.list()),
    async delete(accessKeyId) {
      const deleted = await store.transaction((tx) => tx.accessKeys.delete(accessKeyId));
      cache.forget(accessKeyId);
      return deleted;
    },
  };
}

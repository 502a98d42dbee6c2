import { randomBytes, randomInt } from "node:crypto";
import type { AccessKeyRecord } from "../state/records.js";

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** An AWS-style key: `AKIA` and 16 base-32 characters, and a 40-character secret. */
export function newAccessKey(account: string, admin: boolean, now: number): AccessKeyRecord {
  let id = "AKIA";
  for (let i = 0; i < 16; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return { accessKeyId: id, secretAccessKey: randomBytes(30).toString("base64"), account, admin, createdAt: now };
}

export const isAccountId = (text: string) => /^\d{12}$/.test(text);

/** What `skiff keys list` and GET /_skiff/keys show of a key: never its secret. */
export const publicView = (key: AccessKeyRecord) => ({
  accessKeyId: key.accessKeyId,
  account: key.account,
  admin: key.admin,
  createdAt: new Date(key.createdAt).toISOString(),
});

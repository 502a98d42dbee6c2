import { createHash } from "node:crypto";
import type { Scope } from "../../../core/scope.js";

/** The account's default EBS KMS key (`aws/ebs`): a stable ARN per account and region. */
export function defaultEbsKey({ account, region }: Scope): string {
  const h = createHash("sha256").update(`${account}/${region}/aws/ebs`).digest("hex");
  return `arn:aws:kms:${region}:${account}:key/${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Encryption of a new volume: on when asked or when its snapshot is encrypted; a KMS key only with encryption. */
export function encryptionOf(scope: Scope, req: { Encrypted?: boolean; KmsKeyId?: string }, source?: { encrypted: boolean; kmsKeyId?: string }) {
  const encrypted = req.Encrypted === true || source?.encrypted === true;
  if (!encrypted) return { encrypted: false };
  return { encrypted: true, kmsKeyId: req.KmsKeyId ?? source?.kmsKeyId ?? defaultEbsKey(scope) };
}
